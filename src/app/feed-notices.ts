import type { Schedule } from '../schedule/types.ts';
import type { FeedRecord, Store } from '../store/store.ts';

const dayMs = 24 * 3_600_000;
/** More failing feeds than this are summed up in one last line, so a briefing stays a briefing. */
const maxNoticeLines = 5;

/** Feeds failing for at least a day at `now`, with how many whole days. */
export function feedsFailingForADay(feeds: FeedRecord[], now: Date): Array<{ feed: FeedRecord; days: number }> {
  return feeds.flatMap((feed) => {
    if (feed.health !== 'failing' || !feed.failingSince) return [];
    const since = Date.parse(feed.failingSince);
    if (!Number.isFinite(since) || now.getTime() - since < dayMs) return [];
    return [{ feed, days: Math.floor((now.getTime() - since) / dayMs) }];
  });
}

/**
 * The lines a schedule's briefing carries about its feeds that have failed for 24 h or more:
 * one per feed, naming it and its last error. A feed is named in the first briefing after each
 * full day of failing (judged against the schedule's previous briefing, `previousAt`), so an
 * hourly schedule names it once a day, not every hour.
 */
export async function feedNotices(store: Store, schedule: Schedule, now: Date, previousAt?: string): Promise<string[]> {
  const urls = schedule.feeds.filter((feed) => /^https?:/i.test(feed));
  const feeds = schedule.feeds.length === 0 ? await store.listFeeds() : (await Promise.all(urls.map((url) => store.getFeed(url)))).filter((feed) => feed !== undefined);
  const previous = previousAt ? Date.parse(previousAt) : Number.NaN;
  const due = feedsFailingForADay(feeds, now).filter(({ feed }) => {
    if (!Number.isFinite(previous)) return true;
    const since = Date.parse(feed.failingSince ?? '');
    // Due when a new full day of failing began after the previous briefing.
    return Math.floor((now.getTime() - since) / dayMs) > Math.floor((previous - since) / dayMs);
  });
  const lines = due.slice(0, maxNoticeLines).map(
    ({ feed, days }) => `Feed ${feed.title ? `${feed.title} (${feed.url})` : feed.url} has failed for ${days === 1 ? 'a day' : `${days} days`}: ${feed.lastError ?? 'unknown error'}.`,
  );
  if (due.length > maxNoticeLines) lines.push(`${due.length - maxNoticeLines} more feeds are failing; an admin can see them all with /feeds list.`);
  return lines;
}
