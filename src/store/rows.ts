import type { Run } from '../schedule/types.ts';
import type { FeedPatch, FeedRecord, FetchedUrl } from './feeds.ts';
import type { RunPatch } from './runs.ts';
import { readStringList } from './stored-records.ts';

// Table rows as both implementations name their columns, and their mapping to records.

export interface FeedRow {
  url: string;
  title: string | null;
  added_by: string | null;
  added_at: string;
  health: FeedRecord['health'];
  failing_since: string | null;
  last_error: string | null;
  last_polled_at: string | null;
  last_ok_at: string | null;
  etag: string | null;
  last_modified: string | null;
  item_count: number;
}

export function feedFromRow(row: FeedRow): FeedRecord {
  const record: FeedRecord = { url: row.url, addedAt: row.added_at, health: row.health, itemCount: Number(row.item_count) };
  if (row.title !== null) record.title = row.title;
  if (row.added_by !== null) record.addedBy = row.added_by;
  if (row.failing_since !== null) record.failingSince = row.failing_since;
  if (row.last_error !== null) record.lastError = row.last_error;
  if (row.last_polled_at !== null) record.lastPolledAt = row.last_polled_at;
  if (row.last_ok_at !== null) record.lastOkAt = row.last_ok_at;
  if (row.etag !== null) record.etag = row.etag;
  if (row.last_modified !== null) record.lastModified = row.last_modified;
  return record;
}

export interface FetchedUrlRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  article_ids_json: string;
  fetched_at: string;
}

export function fetchedUrlFromRow(row: FetchedUrlRow): FetchedUrl {
  const fetched: FetchedUrl = { url: row.url, articleIds: readStringList(row.article_ids_json, `the articles fetched from ${row.url}`), fetchedAt: row.fetched_at };
  if (row.etag !== null) fetched.etag = row.etag;
  if (row.last_modified !== null) fetched.lastModified = row.last_modified;
  return fetched;
}

const feedColumns: Record<keyof FeedPatch, string> = {
  title: 'title',
  addedBy: 'added_by',
  health: 'health',
  failingSince: 'failing_since',
  lastError: 'last_error',
  lastPolledAt: 'last_polled_at',
  lastOkAt: 'last_ok_at',
  etag: 'etag',
  lastModified: 'last_modified',
  itemCount: 'item_count',
};

/** The columns a feed patch sets and their values (undefined becomes NULL); unknown keys are ignored. */
export function feedPatchColumns(patch: FeedPatch): Array<[column: string, value: unknown]> {
  return Object.entries(patch).flatMap(([key, value]) => {
    const column = feedColumns[key as keyof FeedPatch];
    return column ? [[column, value ?? null] as [string, unknown]] : [];
  });
}

export interface RunRow {
  id: string;
  schedule_id: string;
  scheduled_for: string;
  target: string;
  status: Run['status'];
  message_ids_json: string;
  points_json: string;
  error: string | null;
  updated_at: string;
}

export function runFromRow(row: RunRow): Run {
  const run: Run = {
    id: row.id,
    scheduleId: row.schedule_id,
    scheduledFor: row.scheduled_for,
    target: row.target,
    status: row.status,
    messageIds: readStringList(row.message_ids_json, `message ids of run "${row.id}"`),
    points: readStringList(row.points_json, `points of run "${row.id}"`),
    updatedAt: row.updated_at,
  };
  if (row.error !== null) run.error = row.error;
  return run;
}

/** The columns a run patch sets and their values, `updated_at` first. */
export function runPatchColumns(patch: RunPatch, now: string): Array<[column: string, value: unknown]> {
  const columns: Array<[string, unknown]> = [['updated_at', now]];
  if (patch.status !== undefined) columns.push(['status', patch.status]);
  if (patch.target !== undefined) columns.push(['target', patch.target]);
  if (patch.messageIds !== undefined) columns.push(['message_ids_json', JSON.stringify(patch.messageIds)]);
  if (patch.points !== undefined) columns.push(['points_json', JSON.stringify(patch.points)]);
  if ('error' in patch) columns.push(['error', patch.error ?? null]);
  return columns;
}
