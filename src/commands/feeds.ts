import type { FeedRecord } from '../store/store.ts';
import type { CommandContext } from './context.ts';
import { errorReply, type Command, type Reply } from './types.ts';

const usage = 'Usage: /feeds add URL | /feeds remove URL | /feeds list';
const adminOnly = 'Only admins can add or remove feeds (you need Manage Server on Discord, or to be a workspace admin on Slack).';

/** Slack wraps links as <https://x|label>; people paste them with <> or quotes too. */
function cleanUrl(text: string): string {
  return text.trim().replace(/^<([^|>]+)(?:\|[^>]*)?>$/, '$1').replace(/^["']|["']$/g, '');
}

function validFeedUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  return url.toString();
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
    return {
      kind: 'text',
      ephemeral: true,
      title: `Feeds (${feeds.length})`,
      sections: feeds.map((feed) => ({
        heading: feed.title ? `${feed.title} — ${feed.url}` : feed.url,
        lines: [`Health: ${healthLine(feed)}`, `${feed.itemCount} item${feed.itemCount === 1 ? '' : 's'}${feed.addedBy ? `, added by ${feed.addedBy}` : ''}`],
      })),
    };
  }
  if (action !== 'add' && action !== 'remove') return errorReply('usage', `Unknown /feeds action "${sub}".`, usage);
  if (!command.caller.isAdmin) return errorReply('forbidden', adminOnly, 'Ask an admin (a Discord member with Manage Server, a Slack workspace admin or one listed in SLACK_ADMIN_USER_IDS) to run it.');
  const raw = rest.join(' ');
  if (!raw.trim()) return errorReply('usage', `Which feed should be ${action === 'add' ? 'added' : 'removed'}?`, usage);
  const cleaned = cleanUrl(raw);

  if (action === 'remove') {
    const url = validFeedUrl(cleaned) ?? cleaned;
    const existing = await ctx.store.getFeed(url) ?? await ctx.store.getFeed(cleaned);
    if (!existing) return errorReply('not_found', `No feed ${cleaned} is followed.`, '/feeds list shows the feeds and their exact URLs.');
    await ctx.store.removeFeed(existing.url);
    return { kind: 'text', ephemeral: false, title: 'Feed removed', sections: [{ lines: [`No longer following ${existing.url}. Articles already stored stay searchable.`] }] };
  }

  const url = validFeedUrl(cleaned);
  if (!url) {
    return errorReply('invalid_feed', `"${cleaned}" is not a feed URL.`, 'Give the full http(s) address of an RSS or Atom feed, e.g. /feeds add https://example.com/rss.xml. Nothing was added.');
  }
  const known = await ctx.store.getFeed(url);
  if (known) return { kind: 'text', ephemeral: true, title: 'Already following', sections: [{ lines: [`${url} is already followed (health: ${healthLine(known)}).`] }] };
  await ctx.store.addFeed({ url, addedBy: command.caller.id });
  return {
    kind: 'text',
    ephemeral: false,
    title: 'Feed added',
    sections: [{ lines: [`Following ${url}. Its articles appear in briefings after the next poll; /feeds list shows whether it works.`] }],
  };
}
