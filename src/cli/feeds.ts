import { Command as Program } from 'commander';
import type { Runtime } from './main.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { createProgress } from './progress.ts';
import type { FeedRecord } from '../store/store.ts';

/** Polling and checking load the whole ingest stack; only the commands that use them pay for it. */
const pollFeedsModule = () => import('../app/poll-feeds.ts');

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

/** `newsbot feeds list|add|import|export|remove|check|poll`: the operator's view of the feeds and their health. */
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
      const { addFeed } = await import('../app/add-feed.ts');
      const result = await addFeed(runtime.store, url, {
        addedBy: 'local operator',
        allowPrivateUrls: runtime.config.allowPrivateUrls,
        limits: runtime.config.httpLimits,
        check: options.check,
      });
      const via = result.status !== 'refused' && result.discoveredFrom ? ` (found on ${result.discoveredFrom})` : '';
      if (result.status === 'refused') throw new Error(result.reason);
      if (result.status === 'exists') {
        out(`${result.feed.url}${via} is already there; nothing was added.`);
        return;
      }
      out(`Added ${result.feed.url}${result.feed.title ? ` (${result.feed.title})` : ''}${via}. It is read on the next poll (newsbot feeds poll).`);
    });

  feeds
    .command('import')
    .description('add every feed an OPML file lists (nested folders too); duplicates and bad addresses are reported, nothing is added twice')
    .argument('<file>', 'an .opml file exported from a feed reader')
    .option('--check', 'fetch each feed first, as feeds add does, and leave out those that cannot be read')
    .action(async (file: string, options: { check?: boolean }) => {
      const runtime = getRuntime();
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new Error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path`);
      }
      const { importOpml } = await import('../app/import-feeds.ts');
      const report = await importOpml(runtime.store, text, {
        file,
        addedBy: 'OPML import',
        check: options.check ?? false,
        allowPrivateUrls: runtime.config.allowPrivateUrls,
        limits: runtime.config.httpLimits,
      });
      for (const feed of report.added) out(`added ${feed.url}${feed.title ? `  (${feed.title})` : ''}${feed.folders.length ? `  in ${feed.folders.join(' / ')}` : ''}`);
      for (const line of report.duplicates) runtime.log.warn(`${line}; not added again`);
      for (const line of report.refused) runtime.log.warn(line);
      out(`${report.added.length} added, ${report.duplicates.length} already there, ${report.refused.length} refused.`);
      if (report.added.length === 0 && report.refused.length > 0) process.exitCode = 1;
    });

  feeds
    .command('export')
    .description('print every feed as OPML 2.0, for another feed reader or newsbot instance')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (options: { output?: string }) => {
      const runtime = getRuntime();
      const { exportOpml } = await import('../app/import-feeds.ts');
      const opml = await exportOpml(runtime.store, runtime.clock.now());
      if (options.output) {
        writeFileSync(options.output, opml);
        out(`Wrote ${(await runtime.store.listFeeds()).length} feeds to ${options.output}.`);
      } else process.stdout.write(opml);
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
      const check = await (await pollFeedsModule()).checkFeed(url, { allowPrivateUrls: getRuntime().config.allowPrivateUrls, limits: getRuntime().config.httpLimits });
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
      const report = await (await pollFeedsModule()).pollFeeds(runtime.store, {
        allowPrivateUrls: runtime.config.allowPrivateUrls,
        limits: runtime.config.httpLimits,
        maxAgeDays: runtime.config.feedMaxAgeDays,
        clock: runtime.clock,
        // A manual poll also tries feeds that are sitting out polls after failing.
        force: true,
        onProgress: (done, _total, counts) => progress.update(done, { new: counts.new, failing: counts.failing }),
      });
      progress.done();
      const days = runtime.config.feedMaxAgeDays;
      for (const feed of report.feeds) {
        if (feed.firstPoll) {
          out(`${feed.url}: first read, kept ${feed.new} recent item${feed.new === 1 ? '' : 's'}${feed.tooOld ? `, skipped ${feed.tooOld} older than ${days} days (NEWSBOT_FEED_MAX_AGE_DAYS)` : ''}`);
        }
        if (feed.error) runtime.log.warn(`${feed.url}: ${feed.error}`);
        if (feed.skipped) runtime.log.warn(`${feed.url}: ${feed.skipped} item(s) skipped: ${feed.itemErrors.join('; ')}`);
      }
      out(`${report.feeds.length} feeds: ${report.new} new, ${report.updated} updated, ${report.notModified} unchanged, ${report.failing} failing, ${report.degraded} degraded.`);
    });
  return feeds;
}
