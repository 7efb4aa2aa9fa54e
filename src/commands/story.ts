import { withStoredNames } from '../app/stored-names.ts';
import { buildDigest } from '../digest/build.ts';
import type { CommandContext } from './context.ts';
import { errorReply, type Command, type Reply } from './types.ts';
import { echo } from './name-query.ts';

const dayMs = 24 * 60 * 60 * 1000;
const maxStories = 3;
/** Articles around the matches that may belong to their stories; enough for a busy week of feeds. */
const maxNeighbours = 500;

/** Discord's /story option allows 200 characters; typed forms get the same limit. */
const maxStoryWords = 200;

/**
 * `/story WORDS`: the stories whose articles match the words, compared across outlets.
 * Articles published around the matches are clustered too, so the story shows every outlet.
 */
export async function storyCommand(command: Command, ctx: CommandContext): Promise<Reply> {
  const words = command.args.join(' ').trim();
  if (!words) return errorReply('usage', 'Which story?', 'Usage: /story WORDS, for example /story moldova election');
  if (words.length > maxStoryWords) return errorReply('usage', `"${echo(words)}" is ${words.length} characters long; /story takes up to ${maxStoryWords}.`, 'Give a few words from the headline, e.g. /story geneva talks.');
  const matches = await ctx.store.searchArticles(words, 30);
  if (matches.length === 0) {
    return errorReply('not_found', `No stored article mentions "${echo(words)}".`, 'Try fewer or other words, or /digest now for the latest briefing.');
  }
  const times = matches.map((a) => Date.parse(a.article.publishedAt ?? '')).filter((t) => Number.isFinite(t));
  const around =
    times.length > 0
      ? await ctx.store.listAnalyses({
          since: new Date(Math.min(...times) - 2 * dayMs).toISOString(),
          until: new Date(Math.max(...times) + 2 * dayMs).toISOString(),
          limit: maxNeighbours,
        })
      : [];
  const pool = new Map([...around, ...matches].map((a) => [a.article.id, a]));
  const matched = new Set(matches.map((a) => a.article.id));
  const digest = await withStoredNames(buildDigest([...pool.values()], { now: ctx.clock.now(), focus: matched }), ctx.store);
  const stories = digest.stories
    .map((story) => ({ story, hits: story.articles.filter((a) => matched.has(a.id)).length }))
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, maxStories)
    .map((s) => s.story);
  return { kind: 'digest', ephemeral: false, digest: { generatedAt: digest.generatedAt, title: `Stories about "${echo(words)}"`, stories } };
}
