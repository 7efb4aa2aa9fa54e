import type { Analysis } from '../analyze/types.ts';
import { buildStory, type BuildStoryOptions, type BuiltStory } from '../stories/build-story.ts';
import { articleTime, clusterArticles } from '../stories/cluster/story-clusters.ts';
import type { Story } from '../stories/types.ts';
import type { Digest } from './types.ts';

export interface BuildDigestOptions {
  now: Date;
  /** Keep at most this many stories, best first. Default: every story. */
  maxStories?: number;
  /** Points of the previous briefing of the same schedule; each story's `new` leaves them out. */
  previousPoints?: string[];
  /** When the previous briefing was posted (ISO): articles published later are what is new. */
  previousAt?: string;
  title?: string;
  /** ISO time: keep articles published at or after it (undated articles are kept). */
  since?: string;
  /** A story closes after this many quiet hours. Default 72. */
  quietHours?: number;
  /** Build only the stories holding one of these article ids (`/story`): the rest are only clustered. */
  focus?: ReadonlySet<string>;
  /**
   * ISO time: keep only stories with an article published at or after it (undated ones count).
   * Articles since `since` are still clustered, so a story keeps its earlier articles.
   */
  freshSince?: string;
}

const HOUR = 3_600_000;

/**
 * Builds a briefing: clusters the articles into stories, compares the outlets in each and ranks
 * the stories by independent sources (a wire copy is not one), then recency, then size.
 * Single-article stories are listed too, unless `maxStories` cuts them off.
 */
export function buildDigest(analyses: Analysis[], options: BuildDigestOptions): Digest {
  const { clusters, storyOptions } = planStories(analyses, options);
  return rankedDigest(
    clusters.map((cluster) => buildStory(cluster, storyOptions)),
    options,
  );
}

/** Builds one story from its cluster: `buildStory` here, or on a worker thread. */
export type StoryBuilder = (cluster: Analysis[], options: BuildStoryOptions) => BuiltStory | Promise<BuiltStory>;

/** `buildDigest` with the stories built by `build`, side by side (a worker pool builds several at once); by default here, one after another. */
export async function buildDigestWith(analyses: Analysis[], options: BuildDigestOptions, build: StoryBuilder = buildStory): Promise<Digest> {
  const { clusters, storyOptions } = planStories(analyses, options);
  // The biggest stories are handed over first, so no thread is left with a long one at the end.
  const built = new Array<Promise<BuiltStory>>(clusters.length);
  const bySize = clusters.map((_, i) => i).sort((a, b) => clusters[b]!.length - clusters[a]!.length || a - b);
  for (const i of bySize) built[i] = (async () => build(clusters[i]!, storyOptions))();
  return rankedDigest(await Promise.all(built), options);
}

/** The clusters the digest tells, and what each story is built with. */
function planStories(analyses: Analysis[], options: BuildDigestOptions): { clusters: Analysis[][]; storyOptions: BuildStoryOptions } {
  const since = options.since === undefined ? Number.NaN : Date.parse(options.since);
  const kept = Number.isFinite(since)
    ? analyses.filter((a) => {
        const published = a.article.publishedAt === undefined ? Number.NaN : Date.parse(a.article.publishedAt);
        return !Number.isFinite(published) || published >= since;
      })
    : analyses;
  const clusters = clusterArticles(dedupeById(kept), options.quietHours === undefined ? {} : { quietHours: options.quietHours });
  const storyOptions: BuildStoryOptions = {
    ...(options.previousPoints === undefined ? {} : { previousPoints: options.previousPoints }),
    ...(options.previousAt === undefined ? {} : { previousAt: options.previousAt }),
  };
  const focus = options.focus;
  const freshSince = options.freshSince === undefined ? Number.NaN : Date.parse(options.freshSince);
  const wanted = clusters.filter(
    (cluster) =>
      (!focus || cluster.some((a) => focus.has(a.article.id))) &&
      (!Number.isFinite(freshSince) || cluster.some((a) => !(articleTime(a, Number.NaN) < freshSince))),
  );
  return { clusters: wanted, storyOptions };
}

/** The built stories ranked, capped and titled as the digest prints them. */
function rankedDigest(built: BuiltStory[], options: BuildDigestOptions): Digest {
  const ranked = built
    .map((story) => ({ story, score: rankScore(story, options.now) }))
    .sort((a, b) => b.score - a.score || (b.story.updatedAt ?? '').localeCompare(a.story.updatedAt ?? '') || a.story.id.localeCompare(b.story.id))
    .map(({ story }) => printable(story));
  const stories = options.maxStories === undefined ? ranked : ranked.slice(0, Math.max(0, options.maxStories));
  const digest: Digest = { generatedAt: options.now.toISOString(), stories };
  if (options.title !== undefined) digest.title = options.title;
  return digest;
}

/** Independent sources weigh most; a day-old story loses about as much as one source is worth. */
function rankScore(story: BuiltStory, now: Date): number {
  const updated = story.updatedAt === undefined ? now.getTime() : Date.parse(story.updatedAt);
  const ageHours = Math.max(0, (now.getTime() - updated) / HOUR);
  return 2 * story.independentSources + 2 * Math.exp(-ageHours / 24) + Math.log2(1 + story.articles.length);
}

/** The story as the JSON contract prints it: only the Story fields. */
function printable(story: BuiltStory): Story {
  const { independentSources: _sources, syndicated: _syndicated, ...rest } = story;
  return rest;
}

/** The same article given twice (a file and its feed item) would look like a wire copy of itself. */
function dedupeById(analyses: Analysis[]): Analysis[] {
  const seen = new Set<string>();
  return analyses.filter((a) => (seen.has(a.article.id) ? false : (seen.add(a.article.id), true)));
}
