import { storyIdFor } from './cluster/story-clusters.ts';

/** A built story as identity sees it: the id clustering gave it and its articles. */
export interface StoryMembers {
  id: string;
  articleIds: readonly string[];
}

/**
 * The id each built story goes by: the stored story it shares most articles with, so a story
 * keeps its id while articles join it over days. A stored story lives on in one built story
 * only (the one sharing most; a tie goes to the earlier-listed), so a story that split keeps
 * its id on its bigger part and the other part gets an id of its own. Returns built id -> id.
 */
export function continuedStoryIds(stories: readonly StoryMembers[], memberships: ReadonlyArray<{ storyId: string; articleId: string }>): Map<string, string> {
  const storiesOfArticle = new Map<string, string[]>();
  for (const { storyId, articleId } of memberships) storiesOfArticle.set(articleId, [...(storiesOfArticle.get(articleId) ?? []), storyId]);
  const pairs: Array<{ built: number; stored: string; shared: number }> = [];
  stories.forEach((story, built) => {
    const shared = new Map<string, number>();
    for (const articleId of story.articleIds) for (const stored of storiesOfArticle.get(articleId) ?? []) shared.set(stored, (shared.get(stored) ?? 0) + 1);
    for (const [stored, count] of shared) pairs.push({ built, stored, shared: count });
  });
  pairs.sort((a, b) => b.shared - a.shared || a.built - b.built || (a.stored < b.stored ? -1 : a.stored > b.stored ? 1 : 0));
  const chosen = new Map<number, string>();
  const taken = new Set<string>();
  for (const pair of pairs) {
    if (chosen.has(pair.built) || taken.has(pair.stored)) continue;
    chosen.set(pair.built, pair.stored);
    taken.add(pair.stored);
  }
  const ids = new Map<string, string>();
  stories.forEach((story, built) => {
    const continued = chosen.get(built);
    if (continued !== undefined) ids.set(story.id, continued);
    // A story whose own id belongs to a stored story another story continues is new: it gets
    // an id from all its articles, which no other story has.
    else ids.set(story.id, taken.has(story.id) ? storyIdFor([...story.articleIds].sort().join('\n')) : story.id);
  });
  return ids;
}
