import type { Digest } from '../digest/types.ts';
import { continuedStoryIds } from '../stories/identity.ts';
import type { Store } from '../store/store.ts';

/**
 * The digest with each story under its lasting id (see continuedStoryIds), after storing every
 * story with its articles: the next build finds them, and `/story` reads their timeline. An
 * article joins at its publication time, or `now` when it has none.
 */
export async function keepStoryIds(store: Pick<Store, 'storiesOfArticles' | 'saveStory'>, digest: Digest, now: Date): Promise<Digest> {
  const ids = await lastingStoryIds(store, digest);
  const stories = digest.stories.map((story) => ({ ...story, id: ids.get(story.id) ?? story.id }));
  for (const story of stories) {
    await store.saveStory({
      id: story.id,
      headline: story.headline,
      members: story.articles.map((article) => ({
        articleId: article.id,
        source: article.source,
        title: article.title,
        ...(article.url === undefined ? {} : { url: article.url }),
        joinedAt: article.publishedAt ?? now.toISOString(),
      })),
    });
  }
  return { ...digest, stories };
}

/** Built story id -> the id it goes by, reading the stored stories but writing nothing. */
export async function lastingStoryIds(store: Pick<Store, 'storiesOfArticles'>, digest: Digest): Promise<Map<string, string>> {
  const members = digest.stories.map((story) => ({ id: story.id, articleIds: story.articles.map((a) => a.id) }));
  const memberships = await store.storiesOfArticles([...new Set(members.flatMap((m) => m.articleIds))]);
  return continuedStoryIds(members, memberships);
}
