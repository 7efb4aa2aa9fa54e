import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { PersonProfile, QuoteItem, Reply } from '../../src/commands/types.ts';
import type { Digest, FollowUp } from '../../src/digest/types.ts';
import type { Story } from '../../src/stories/types.ts';
import { briefingCounts } from '../../src/digest/threads.ts';
import { timelineLines } from '../../src/digest/timeline.ts';
import { SOURCES_FIELD, sourcesButtonRow } from './sources-button.ts';
import { DISCORD_LIMITS, groupEmbeds, layoutEmbeds, packLines, shortenLabel, type EmbedPart } from './embed-limits.ts';

/** One Discord message before it is sent: content and/or embeds, each within the limits. */
export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  /** Buttons under the message (the briefing's "Sources"). */
  components?: Array<APIActionRowComponent<APIButtonComponent>>;
}

/** A reply as Discord messages: the first answers the interaction, the rest follow up. */
export interface RenderedReply {
  ephemeral: boolean;
  messages: RenderedMessage[];
}

const STORY_COLOR = 0x2b6cb0;
const PROFILE_COLOR = 0x2f855a;
const QUOTE_COLOR = 0x6b46c1;
const MAX_PEOPLE = 10;
const MAX_SOURCE_LINKS = 10;
const MAX_FOOTER = 300;

/**
 * Text from articles is untrusted: markdown, masked links and mention syntax are shown as
 * typed. (discord.js's escapeMarkdown takes ~0.1 s on a long paragraph; this is linear.)
 */
function safe(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\*_~`|[\]<>]/g, '\\$&')
    .replace(/^(#|-|\+|\d+(?=\.\s))/, '\\$1');
}

function unixSeconds(iso: string | undefined): number | undefined {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

function validTimestamp(iso: string | undefined): string | undefined {
  return unixSeconds(iso) === undefined ? undefined : new Date(iso as string).toISOString();
}

/** Discord rejects a whole message over one malformed embed URL, so only clean http(s) URLs are used. */
function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    // Encoded parentheses keep a markdown link from ending early.
    const href = parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
    return href.length <= 2048 ? href : undefined;
  } catch {
    return undefined;
  }
}

function sourcesFooter(story: Story): string {
  const outlets = [...new Set(story.articles.map((a) => a.source))];
  let footer = '';
  for (const [index, outlet] of outlets.entries()) {
    const next = footer ? `${footer} · ${outlet}` : outlet;
    if (next.length > MAX_FOOTER - 12) return `${footer} · +${outlets.length - index} more`;
    footer = next;
  }
  return footer;
}

/** One line per point; blank points (nothing to say) are dropped. */
function bullets(points: string[]): string {
  return points
    .filter((p) => p.trim())
    .map(bullet)
    .join('\n');
}

function bullet(text: string): string {
  return `• ${safe(text)}`;
}

function quoteLine(quote: { text: string; speaker: string; source: string }): string {
  return `“${safe(quote.text)}” — **${safe(quote.speaker)}**, ${safe(quote.source)}`;
}

function storyParts(story: Story): EmbedPart[] {
  const parts: EmbedPart[] = [];
  if (story.headline.length > DISCORD_LIMITS.title) parts.push({ description: `**${safe(story.headline)}**` });
  parts.push({ description: story.summary.map(safe).filter(Boolean).join('\n') });
  if (story.agreed.length > 0) {
    const value = story.agreed
      .filter((a) => a.point.trim())
      .map((a) => `${bullet(a.point)} _(${a.sources.map(safe).join(', ')})_`)
      .join('\n');
    parts.push({ field: { name: 'All sources agree', value } });
  }
  for (const [source, points] of Object.entries(story.onlyIn)) {
    parts.push({ field: { name: `Only in ${safe(source) || 'one source'}`, value: bullets(points) } });
  }
  parts.push({ field: { name: 'New since the last briefing', value: bullets(story.new) } });
  if (story.people.length > 0) {
    const lines = story.people.slice(0, MAX_PEOPLE).map((p) => {
      const role = p.role ? `, ${safe(p.role)}` : '';
      const aliases = p.aliases.length > 0 ? ` (also ${p.aliases.map(safe).join(', ')})` : '';
      return `**${safe(p.name)}**${role}${aliases}`;
    });
    if (story.people.length > MAX_PEOPLE) lines.push(`and ${story.people.length - MAX_PEOPLE} more`);
    parts.push({ field: { name: 'People', value: lines.join('\n') } });
  }
  const quote = story.quotes.find((q) => q.speaker) ?? story.quotes[0];
  if (quote) parts.push({ field: { name: 'Quote', value: quoteLine(quote) } });
  const links = story.articles.slice(0, MAX_SOURCE_LINKS).map((a) => {
    const url = httpUrl(a.url);
    const title = safe(a.title) || 'Untitled article';
    return url ? `[${title}](${url}) — ${safe(a.source)}` : `${title} — ${safe(a.source)}`;
  });
  if (story.articles.length > MAX_SOURCE_LINKS) links.push(`and ${story.articles.length - MAX_SOURCE_LINKS} more articles`);
  if (links.length > 0) parts.push({ field: { name: SOURCES_FIELD, value: links.join('\n') } });
  if (story.timeline && story.timeline.length > 0) parts.push({ field: { name: 'Timeline', value: timelineLines(story.timeline).map((line) => (line.startsWith('  – ') ? `  – ${safe(line.slice(4))}` : safe(line))).join('\n') } });
  return parts;
}

/** Embeds for one story: usually one; more when its text would break an embed limit. */
export function storyEmbeds(story: Story, generatedAt: string): APIEmbed[] {
  const title = shortenLabel(story.headline.trim() || 'Untitled story', DISCORD_LIMITS.title);
  const url = httpUrl(story.articles[0]?.url);
  const timestamp = validTimestamp(story.updatedAt) ?? validTimestamp(generatedAt);
  const header: APIEmbed = {
    title,
    color: STORY_COLOR,
    footer: { text: sourcesFooter(story) || 'newsbot' },
    ...(url ? { url } : {}),
    ...(timestamp ? { timestamp } : {}),
  };
  return layoutEmbeds(header, storyParts(story), shortenLabel(`${story.headline} (continued)`, DISCORD_LIMITS.title));
}

/**
 * A briefing as Discord messages: a heading line, then one embed per story, grouped so that no
 * message breaks Discord's limits, each with a "Sources" button. An empty digest is one message saying so.
 */
export function renderDigest(digest: Digest): RenderedMessage[] {
  const title = digest.title ?? 'News briefing';
  const when = unixSeconds(digest.generatedAt);
  const count = `${digest.stories.length} ${digest.stories.length === 1 ? 'story' : 'stories'}`;
  const notices = (digest.notices ?? []).map((notice) => `⚠ ${safe(notice)}`);
  const heading = shortenLabel([`**${safe(title)}** · ${count}${when === undefined ? '' : ` · <t:${when}:f>`}`, ...notices].join('\n'), DISCORD_LIMITS.content);
  if (digest.stories.length === 0) return [{ content: `${heading}\nNo new stories since the last briefing.`, embeds: [] }];
  const embeds = digest.stories.flatMap((story) => storyEmbeds(story, digest.generatedAt));
  return groupEmbeds(embeds).map((group, index) => ({
    ...(index === 0 ? { content: heading } : {}),
    embeds: group,
    components: [sourcesButtonRow()],
  }));
}

/** A threaded briefing as Discord gets it: the first messages, then each new story in messages of its own. */
export interface ThreadedDiscordBriefing {
  intro: RenderedMessage[];
  /** Per new story, its messages: the first is the one its thread starts from. */
  stories: Array<{ storyId: string; messages: RenderedMessage[] }>;
}

/**
 * A briefing with threads: a heading with the notices and one line per story continued in its
 * thread (linked by `threadLink`, when it gives a URL), then each new story in messages of its
 * own, so that a thread can start from it.
 */
export function renderThreadedDigest(digest: Digest, threadLink: (followUp: FollowUp) => string | undefined): ThreadedDiscordBriefing {
  const title = digest.title ?? 'News briefing';
  const when = unixSeconds(digest.generatedAt);
  const followUps = digest.followUps ?? [];
  const counts = briefingCounts(digest.stories.length, followUps.length);
  const lines = [`**${safe(title)}** · ${counts.join(' · ')}${when === undefined ? '' : ` · <t:${when}:f>`}`, ...(digest.notices ?? []).map((notice) => `⚠ ${safe(notice)}`)];
  if (followUps.length > 0) lines.push('**Continued in their threads**', ...followUps.map((f) => `• ${followUpLine(f, threadLink(f))}`));
  if (digest.stories.length === 0 && followUps.length === 0) lines.push('No new stories since the last briefing.');
  return {
    intro: packLines(lines, DISCORD_LIMITS.content).map((content) => ({ content, embeds: [] })),
    stories: digest.stories.map((story) => ({
      storyId: story.id,
      messages: groupEmbeds(storyEmbeds(story, digest.generatedAt)).map((embeds) => ({ embeds, components: [sourcesButtonRow()] })),
    })),
  };
}

function followUpLine(followUp: FollowUp, link: string | undefined): string {
  const headline = safe(shortenLabel(followUp.story.headline, DISCORD_LIMITS.title));
  const count = followUp.story.new.length;
  const what = count > 0 ? `${count} new ${count === 1 ? 'point' : 'points'}` : `${followUp.newArticles.length} new ${followUp.newArticles.length === 1 ? 'report' : 'reports'}`;
  return `${link === undefined ? `**${headline}**` : `[${headline}](${link})`} — ${what} in the thread`;
}

/** Discord's limit on a thread's name. */
const THREAD_NAME_CHARS = 100;

/** The name of the thread a story's updates go to: its headline, shortened to fit. */
export function threadName(story: Story): string {
  return shortenLabel(story.headline.replace(/\s+/g, ' ').trim() || 'Story updates', THREAD_NAME_CHARS);
}

/** A reply in a story's thread: only what is new since the channel's last briefing, and the reports that brought it. */
export function renderFollowUp(followUp: FollowUp): RenderedMessage[] {
  const { story, newArticles } = followUp;
  const lines = story.new.length > 0 ? ['**New since the last briefing**', ...story.new.map(bullet)] : ['_Nothing new to add since the last briefing; more outlets report it._'];
  if (newArticles.length > 0) {
    lines.push(newArticles.length === 1 ? '**New report**' : `**${newArticles.length} new reports**`);
    for (const article of newArticles) {
      const url = httpUrl(article.url);
      const title = safe(article.title) || 'Untitled article';
      lines.push(url ? `[${title}](${url}) — ${safe(article.source)}` : `${title} — ${safe(article.source)}`);
    }
  }
  return packLines(lines, DISCORD_LIMITS.content).map((content) => ({ content, embeds: [] }));
}

function quoteField(quote: QuoteItem): EmbedPart {
  const date = unixSeconds(quote.publishedAt);
  const url = httpUrl(quote.url);
  const where = url ? `[${safe(quote.title)}](${url})` : safe(quote.title);
  return {
    field: {
      name: `${safe(quote.speaker)} · ${safe(quote.source)}`,
      value: `“${safe(quote.text)}”\n${where}${date === undefined ? '' : ` · <t:${date}:d>`}`,
    },
  };
}

function profileEmbeds(profile: PersonProfile, quotes: QuoteItem[]): APIEmbed[] {
  const description: string[] = [];
  if (profile.role) description.push(safe(profile.role));
  if (profile.aliases.length > 0) description.push(`Also written: ${profile.aliases.map(safe).join(', ')}`);
  const parts: EmbedPart[] = description.length > 0 ? [{ description: description.join('\n') }] : [];
  parts.push({ field: { name: 'Articles', value: String(profile.articleCount), inline: true } });
  parts.push({ field: { name: 'Quotes', value: String(profile.quoteCount), inline: true } });
  const lastSeen = unixSeconds(profile.lastSeen);
  if (lastSeen !== undefined) parts.push({ field: { name: 'Last seen', value: `<t:${lastSeen}:R>`, inline: true } });
  if (profile.outlets.length > 0) {
    parts.push({ field: { name: 'Mentioned by', value: profile.outlets.map((o) => `${safe(o.source)} (${o.mentions})`).join('\n') } });
  }
  parts.push(...quotes.map(quoteField));
  return layoutEmbeds({ title: shortenLabel(profile.name, DISCORD_LIMITS.title), color: PROFILE_COLOR }, parts);
}

function textMessages(title: string | undefined, sections: Array<{ heading?: string; lines: string[] }>): RenderedMessage[] {
  const lines: string[] = [];
  if (title) lines.push(`**${title}**`);
  for (const section of sections) {
    if (section.heading) lines.push(`__${section.heading}__`);
    lines.push(...section.lines);
  }
  return packLines(lines.length > 0 ? lines : ['Done.'], DISCORD_LIMITS.content).map((content) => ({ content, embeds: [] }));
}

/** Turns a neutral Reply into Discord messages; errors come back ephemeral with their hint. */
export function renderReply(reply: Reply): RenderedReply {
  switch (reply.kind) {
    case 'text':
      return { ephemeral: reply.ephemeral, messages: textMessages(reply.title, reply.sections) };
    case 'error':
      return { ephemeral: true, messages: textMessages(undefined, [{ lines: [`⚠️ ${reply.message}`, ...(reply.hint ? [reply.hint] : [])] }]) };
    case 'digest':
      return { ephemeral: reply.ephemeral, messages: renderDigest(reply.digest) };
    case 'profile':
      return { ephemeral: reply.ephemeral, messages: groupEmbeds(profileEmbeds(reply.profile, reply.quotes)).map((embeds) => ({ embeds })) };
    case 'quotes': {
      if (reply.quotes.length === 0) {
        return { ephemeral: reply.ephemeral, messages: [{ content: `No quotes found for “${safe(reply.query)}”.`, embeds: [] }] };
      }
      const title = shortenLabel(`Quotes by ${reply.speaker ?? reply.query}`, DISCORD_LIMITS.title);
      const embeds = layoutEmbeds({ title, color: QUOTE_COLOR }, reply.quotes.map(quoteField));
      return { ephemeral: reply.ephemeral, messages: groupEmbeds(embeds).map((group) => ({ embeds: group })) };
    }
  }
}
