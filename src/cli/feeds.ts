import { Command as Program } from 'commander';
import type { Runtime } from './main.ts';
import { checkFeed, pollFeeds } from '../app/poll-feeds.ts';
import { createProgress } from './progress.ts';
import type { FeedRecord } from '../store/store.ts';

function healthLine(feed: FeedRecord): string {
  const state =
    feed.health === 'failing'
      ? `failing since ${feed.failingSince ?? '?'}: ${feed.lastError ?? 'unknown error'}`
      : feed.health === 'degraded'
        ? `degraded: ${feed.lastError ?? 'repaired on read'}`
        : feed.health === 'new'
          ? 'not polled yet'
          : `ok, last polled ${feed.lastPolledAt ?? '?'}`;
  return `${feed.url}${feed.title ? `  (${feed.title})` : ''}\n    ${state}; ${feed.itemCount} item${feed.itemCount === 1 ? '' : 's'}`;
}

function isFeedUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `newsbot feeds list|add|remove|check|poll`: the operator's view of the feeds and their health. */
export function feedsCli(getRuntime: () => Runtime): Program {
  const out = (text: string) => process.stdout.write(text + '\n');
  const feeds = new Program('feeds').description('list, add, remove, check and poll the feeds newsbot reads');

  feeds
    .command('list')
    .description('every feed with its health (ok / degraded / failing since, last error)')
    .action(async () => {
      const list = await getRuntime().store.listFeeds();
      out(list.length ? list.map(healthLine).join('\n') : 'No feeds yet. Add one with: newsbot feeds add https://example.com/rss');
    });

  feeds
    .command('add')
    .description('add a feed (checked first; nothing is stored if it cannot be read)')
    .argument('<url>', 'the feed URL (RSS or Atom)')
    .option('--no-check', 'add without fetching it first')
    .action(async (url: string, options: { check: boolean }) => {
      const runtime = getRuntime();
      if (!isFeedUrl(url)) throw new Error(`${url}: not an http(s) URL; give the feed's address, e.g. https://example.com/rss`);
      let title: string | undefined;
      if (options.check) {
        const check = await checkFeed(url, { allowPrivateUrls: runtime.config.allowPrivateUrls, limits: runtime.config.httpLimits });
        if (!check.ok) throw new Error(`${check.error ?? `${url}: cannot be read`}; nothing was added`);
        title = check.title;
      }
      const record = await runtime.store.addFeed({ url, addedBy: 'local operator', ...(title ? { title } : {}) });
      out(`Added ${record.url}${record.title ? ` (${record.title})` : ''}. It is read on the next poll (newsbot feeds poll).`);
    });

  feeds
    .command('remove')
    .description('stop reading a feed (its stored articles stay)')
    .argument('<url>', 'the feed URL as listed')
    .action(async (url: string) => {
      if (!(await getRuntime().store.removeFeed(url))) throw new Error(`${url}: no such feed; see newsbot feeds list`);
      out(`Removed ${url}. Articles already stored from it stay.`);
    });

  feeds
    .command('check')
    .description('fetch and parse one feed without storing anything')
    .argument('<url>', 'the feed URL')
    .action(async (url: string) => {
      const check = await checkFeed(url, { allowPrivateUrls: getRuntime().config.allowPrivateUrls, limits: getRuntime().config.httpLimits });
      if (!check.ok) {
        process.stderr.write(`error: ${check.error ?? `${url}: cannot be read`}\n`);
        process.exitCode = 1;
        return;
      }
      out(`${check.title ?? url}: ${check.health}, ${check.itemCount} items${check.charset ? `, ${check.charset}` : ''}${check.error ? ` (${check.error})` : ''}`);
      for (const item of check.items) out(`  - ${item.title ?? '(untitled)'}${item.link ? `  ${item.link}` : ''}`);
    });

  feeds
    .command('poll')
    .description('read every feed now: new articles are analysed and stored')
    .action(async () => {
      const runtime = getRuntime();
      const total = (await runtime.store.listFeeds()).length;
      if (total === 0) {
        out('No feeds yet. Add one with: newsbot feeds add https://example.com/rss');
        return;
      }
      const progress = createProgress(total, 'feeds');
      const report = await pollFeeds(runtime.store, {
        allowPrivateUrls: runtime.config.allowPrivateUrls,
        limits: runtime.config.httpLimits,
        maxAgeDays: runtime.config.feedMaxAgeDays,
        clock: runtime.clock,
        // A manual poll also tries feeds that are sitting out polls after failing.
        force: true,
        onProgress: (done, _total, counts) => progress.update(done, { new: counts.new, failing: counts.failing }),
      });
      progress.done();
      for (const feed of report.feeds) {
        if (feed.error) runtime.log.warn(`${feed.url}: ${feed.error}`);
        if (feed.skipped) runtime.log.warn(`${feed.url}: ${feed.skipped} item(s) skipped: ${feed.itemErrors.join('; ')}`);
      }
      out(`${report.feeds.length} feeds: ${report.new} new, ${report.updated} updated, ${report.notModified} unchanged, ${report.failing} failing, ${report.degraded} degraded.`);
    });
  return feeds;
}
