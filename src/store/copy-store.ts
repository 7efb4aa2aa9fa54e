import { importIntoPostgres, safeUrl, type PostgresStoreOptions } from './postgres/postgres-store.ts';
import { openSqliteExport } from './sqlite/export.ts';
import type { StoreCounts } from './store-rows.ts';

export type { StoreCounts } from './store-rows.ts';

export interface CopyReport {
  /** What the SQLite store holds. */
  source: StoreCounts;
  /** What PostgreSQL holds after the copy. */
  target: StoreCounts;
  /** Rows this copy wrote; all zero when it ran before. */
  copied: StoreCounts;
  /** Source rows that could not be copied, with the reason. */
  skipped: string[];
  /** The target URL without its password. */
  targetUrl: string;
}

/**
 * Copies the SQLite store at `sqlitePath` into the PostgreSQL database at `url` (articles with
 * their analyses and people, feeds, schedules, the run ledger and stories with their threads),
 * keeping ids and stamps.
 * Idempotent: what the target already has is left alone.
 */
export async function copySqliteToPostgres(sqlitePath: string, url: string, options: PostgresStoreOptions = {}): Promise<CopyReport> {
  const source = openSqliteExport(sqlitePath);
  try {
    const counts = source.counts();
    const report = await importIntoPostgres(url, source, options);
    return { source: counts, target: report.counts, copied: report.copied, skipped: report.skipped, targetUrl: safeUrl(url) };
  } finally {
    source.close();
  }
}

/** "3 articles, 5 people, ..." */
export function formatCounts(counts: StoreCounts): string {
  return (Object.keys(counts) as Array<keyof StoreCounts>).map((key) => `${counts[key]} ${key}`).join(', ');
}
