import type { StoryBriefing, StoryMember, StoryThread } from './stories.ts';
import { readStringList } from './stored-records.ts';

// Story tables' rows as both implementations name their columns, and their mapping to records.

export interface StoryMemberRow {
  article_id: string;
  source: string;
  title: string;
  url: string | null;
  joined_at: string;
}

export interface StoryBriefingRow {
  run_id: string;
  target: string;
  at: string;
  kind: StoryBriefing['kind'];
  points_json: string;
  message_ids_json: string;
}

export interface StoryThreadRow {
  target: string;
  story_id: string;
  root_message_id: string;
  thread_id: string | null;
}

export function memberFromRow(row: StoryMemberRow): StoryMember {
  return { articleId: row.article_id, source: row.source, title: row.title, ...(row.url === null ? {} : { url: row.url }), joinedAt: row.joined_at };
}

export function briefingFromRow(row: StoryBriefingRow): StoryBriefing {
  return {
    runId: row.run_id,
    target: row.target,
    at: row.at,
    kind: row.kind,
    points: readStringList(row.points_json, `points of story briefing ${row.run_id}`),
    messageIds: readStringList(row.message_ids_json, `message ids of story briefing ${row.run_id}`),
  };
}

export function threadFromRow(row: StoryThreadRow): StoryThread {
  return { target: row.target, storyId: row.story_id, rootMessageId: row.root_message_id, ...(row.thread_id === null ? {} : { threadId: row.thread_id }) };
}
