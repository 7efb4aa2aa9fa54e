import type { Digest, ThreadRef } from './types.ts';

/**
 * The briefing as one channel with threads gets it: a story that channel already has a thread
 * for becomes a follow-up (its news goes to the thread), the others are posted as new.
 * `previousAt` is the channel's last briefing: articles published after it are the follow-up's
 * new reports (all of them when unknown).
 */
export function threadBriefing(digest: Digest, threads: ReadonlyMap<string, ThreadRef>, previousAt?: string): Digest {
  const since = previousAt === undefined ? Number.NaN : Date.parse(previousAt);
  const isNew = (publishedAt: string | undefined) => !Number.isFinite(since) || publishedAt === undefined || !(Date.parse(publishedAt) <= since);
  const fresh = digest.stories.filter((story) => !threads.has(story.id));
  const followUps = digest.stories.flatMap((story) => {
    const thread = threads.get(story.id);
    return thread === undefined ? [] : [{ story, thread, newArticles: story.articles.filter((article) => isNew(article.publishedAt)) }];
  });
  return { ...digest, stories: fresh, followUps };
}

/** "2 new stories", "1 story continued in its thread", or both: how a threaded briefing sums itself up. */
export function briefingCounts(newStories: number, continued: number): string[] {
  const counts: string[] = [];
  if (newStories > 0 || continued === 0) counts.push(`${newStories} new ${newStories === 1 ? 'story' : 'stories'}`);
  if (continued > 0) counts.push(`${continued} ${continued === 1 ? 'story' : 'stories'} continued in ${continued === 1 ? 'its thread' : 'their threads'}`);
  return counts;
}
