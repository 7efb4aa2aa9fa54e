import type { Story, StoryTimelineEntry } from '../stories/types.ts';
import type { StoredStory } from '../store/store.ts';

/**
 * A story's timeline: each article as it joined (the stored members, and those found now that
 * are not stored yet, at their publication time) and each briefing that told the story, with
 * what it said: in full the first time, only the news in a thread reply. Oldest first.
 */
export function storyTimeline(story: Story, stored: StoredStory | undefined): StoryTimelineEntry[] {
  const joins = new Map<string, { at: string; source: string; title: string; url?: string }>();
  for (const member of stored?.members ?? []) joins.set(member.articleId, { at: member.joinedAt, source: member.source, title: member.title, ...(member.url === undefined ? {} : { url: member.url }) });
  for (const article of story.articles) {
    if (!joins.has(article.id) && article.publishedAt !== undefined) {
      joins.set(article.id, { at: article.publishedAt, source: article.source, title: article.title, ...(article.url === undefined ? {} : { url: article.url }) });
    }
  }
  const seenSources = new Set<string>();
  const joined: StoryTimelineEntry[] = [...joins.values()]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((join) => {
      const firstFromSource = !seenSources.has(join.source);
      seenSources.add(join.source);
      return { kind: 'joined', ...join, firstFromSource };
    });
  const briefings: StoryTimelineEntry[] = (stored?.briefings ?? []).map((b) => ({ at: b.at, kind: 'briefing', target: b.target, reply: b.kind === 'reply', points: b.points }));
  // Stable sort: at the same time, an article is listed before the briefing that told it.
  return [...joined, ...briefings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
