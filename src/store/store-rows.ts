import type { FeedRow, RunRow } from './rows.ts';
import type { StoryBriefingRow, StoryMemberRow, StoryThreadRow } from './story-rows.ts';

// Rows as one store hands them to another when a store is copied (`newsbot migrate`): every
// stamp kept as written, so a copied article keeps its first-seen time and a run its status.

export interface ArticleExportRow {
  id: string;
  source: string;
  title: string;
  url: string | null;
  canonical_url: string | null;
  feed_url: string | null;
  published_at: string | null;
  first_seen_at: string;
  updated_at: string;
  sort_time: string;
  content_hash: string;
  analysis_json: string;
}

export interface ScheduleExportRow {
  id: string;
  origin: string;
  data_json: string;
  created_at: string;
}

export interface StoreRows {
  /** Articles in the order they were first stored, so people merge as they did at the source. */
  articles(): Iterable<ArticleExportRow>;
  feeds(): Iterable<FeedRow>;
  schedules(): Iterable<ScheduleExportRow>;
  runs(): Iterable<RunRow>;
  stories(): Iterable<StoryExportRow>;
  storyMembers(): Iterable<StoryMemberRow & { story_id: string }>;
  storyBriefings(): Iterable<StoryBriefingRow & { story_id: string }>;
  storyThreads(): Iterable<StoryThreadRow>;
}

export interface StoryExportRow {
  id: string;
  headline: string;
  created_at: string;
  updated_at: string;
}

/** What a store holds, as `newsbot migrate` reports it on both sides. */
export interface StoreCounts {
  articles: number;
  people: number;
  quotes: number;
  feeds: number;
  schedules: number;
  runs: number;
  stories: number;
}
