import { addFeed, normalizeFeedUrl } from '../app/add-feed.ts';
import { feedsFailingForADay } from '../app/feed-notices.ts';
import type { FeedRecord } from '../store/store.ts';
import type { CommandContext } from './context.ts';
import { errorReply, type Command, type Reply, type TextSection } from './types.ts';

const usage = 'Usage: /feeds add URL | /feeds remove URL | /feeds list';
const adminOnly = 'Only admins can add or remove feeds (you need Manage Server on Discord, or to be a workspace admin on Slack).';

/** Slack wraps links as <https://x|label>; people paste them with <> or quotes too. */
function cleanUrl(text: string): string {
  return text.trim().replace(/^<([^|>]+)(?:\|[^>]*)?>$/, '$1').replace(/^["']|["']$/g, '');
}

function healthLine(feed: FeedRecord): string {
  switch (feed.health) {
    case 'ok':
      return `ok${feed.lastOkAt ? `, last fetched ${feed.lastOkAt}` : ''}`;
    case 'new':
      return 'new, not fetched yet';
    case 'degraded':
      return `degraded${feed.lastError ? `: ${feed.lastError}` : ''}`;
    case 'failing':
      return `failing since ${feed.failingSince ?? 'unknown'}${feed.lastError ? `: ${feed.lastError}` : ''}`;
  }
}

/**
 * `/feeds add URL | remove URL | list`. Returns a confirmation, the feeds with their health
 * (ok / failing since / last error), or an error Reply; add and remove are admin-only and
 * store nothing for an invalid URL.
 */
export async function feedsCommand(command: Command, ctx: CommandContext): Promise<Reply> {
  const [sub, ...rest] = command.args;
  const action = sub?.toLowerCase();
  if (action === 'list' || action === undefined) {
    const feeds = await ctx.store.listFeeds();
    if (feeds.length === 0) {
      return { kind: 'text', ephemeral: true, title: 'Feeds', sections: [{ lines: ['No feeds yet. An admin can add one: /feeds add https://example.com/rss.xml'] }] };
    }
    const sections: TextSection[] = feeds.map((feed) => ({
      heading: feed.title ? `${feed.title} — ${feed.url}` : feed.url,
      lines: [`Health: ${healthLine(feed)}`, `${feed.itemCount} item${feed.itemCount === 1 ? '' : 's'}${feed.addedBy ? `, added by ${feed.addedBy}` : ''}`],
    }));
    // Admins can act on failing feeds, so they see them first, in one place.
    const failing = command.caller.isAdmin ? feedsFailingForADay(feeds, ctx.clock.now()) : [];
    if (failing.length > 0) {
      sections.unshift({
        heading: `Failing for 24 h or more (${failing.length})`,
        lines: failing.map(({ feed, days }) => `${feed.url}: ${days === 1 ? 'a day' : `${days} days`}, ${feed.lastError ?? 'unknown error'} — /feeds remove ${feed.url} stops it`),
      });
    }
    return { kind: 'text', ephemeral: true, title: `Feeds (${feeds.length})`, sections };
  }
  if (action !== 'add' && action !== 'remove') return errorReply('usage', `Unknown /feeds action "${sub}".`, usage);
  if (!command.caller.isAdmin) return errorReply('forbidden', adminOnly, 'Ask an admin (a Discord member with Manage Server, a Slack workspace admin or one listed in SLACK_ADMIN_USER_IDS) to run it.');
  const raw = rest.join(' ');
  if (!raw.trim()) return errorReply('usage', `Which feed should be ${action === 'add' ? 'added' : 'removed'}?`, usage);
  const cleaned = cleanUrl(raw);

  if (action === 'remove') {
    const url = normalizeFeedUrl(cleaned) ?? cleaned;
    const existing = (await ctx.store.getFeed(url)) ?? (await ctx.store.getFeed(cleaned));
    if (!existing) return errorReply('not_found', `No feed ${cleaned} is followed.`, '/feeds list shows the feeds and their exact URLs.');
    await ctx.store.removeFeed(existing.url);
    return { kind: 'text', ephemeral: false, title: 'Feed removed', sections: [{ lines: [`No longer following ${existing.url}. Articles already stored stay searchable.`] }] };
  }

  const result = await addFeed(ctx.store, cleaned, {
    addedBy: command.caller.id,
    allowPrivateUrls: ctx.feedAccess?.allowPrivateUrls ?? false,
    ...(ctx.feedAccess ? { limits: ctx.feedAccess.limits } : {}),
  });
  const via = result.status !== 'refused' && result.discoveredFrom ? ` (found on ${result.discoveredFrom})` : '';
  switch (result.status) {
    case 'refused':
      return errorReply('invalid_feed', result.reason, 'Give the address of an RSS or Atom feed, or of a page that links to one, e.g. /feeds add https://example.com/rss.xml.');
    case 'exists':
      return { kind: 'text', ephemeral: true, title: 'Already following', sections: [{ lines: [`${result.feed.url}${via} is already followed (health: ${healthLine(result.feed)}). Nothing was added.`] }] };
    case 'added':
      return {
        kind: 'text',
        ephemeral: false,
        title: 'Feed added',
        sections: [
          {
            lines: [
              `Following ${result.feed.title ? `${result.feed.title} — ` : ''}${result.feed.url}${via}: ${result.itemCount ?? 0} item${result.itemCount === 1 ? '' : 's'} now.`,
              'Its articles appear in briefings after the next poll; /feeds list shows whether it works.',
            ],
          },
        ],
      };
  }
}
