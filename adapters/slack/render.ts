import type { types } from '@slack/bolt';
import type { PersonProfile, QuoteItem, Reply } from '../../src/commands/types.ts';
import type { Digest, FollowUp } from '../../src/digest/types.ts';
import type { Story } from '../../src/stories/types.ts';
import { briefingCounts } from '../../src/digest/threads.ts';
import { timelineLines } from '../../src/digest/timeline.ts';
import { escapeText, linkTo, linkUrls } from './escape.ts';
import { splitText } from './split-text.ts';

type Block = types.KnownBlock;

/** One chat message: Block Kit plus the plain `text` Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's limits (chat.postMessage, Block Kit). */
export const slackLimits = {
  blocksPerMessage: 50,
  /**
   * chat.postMessage refuses blocks whose text adds up to roughly 12,000 characters
   * (`msg_blocks_too_long`; undocumented, reported refused from about 11,300), so stay well under.
   */
  textCharsPerMessage: 8000,
  sectionChars: 3000,
  headerChars: 150,
  contextElements: 10,
  contextElementChars: 2000,
  fallbackChars: 3000,
} as const;

/*
 * Every mrkdwn object is `verbatim`: without it Slack itself turns bare `@here`, `#channel` and
 * URLs in the text into mentions and links. Links newsbot means are written out as `<url|label>`.
 */
function sections(mrkdwn: string): Block[] {
  return splitText(mrkdwn, slackLimits.sectionChars).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }));
}

/** Context blocks holding the given mrkdwn snippets, at most ten elements each. */
function contexts(snippets: string[]): Block[] {
  const elements = snippets
    .flatMap((snippet) => splitText(snippet, slackLimits.contextElementChars))
    .map((text) => ({ type: 'mrkdwn' as const, text, verbatim: true }));
  const blocks: Block[] = [];
  for (let i = 0; i < elements.length; i += slackLimits.contextElements) {
    blocks.push({ type: 'context', elements: elements.slice(i, i + slackLimits.contextElements) });
  }
  return blocks;
}

/** A header when the title fits Slack's 150 characters; a bold section otherwise, so nothing is cut. */
function titleBlock(title: string): Block[] {
  const plain = escapeText(title);
  if (plain.length <= slackLimits.headerChars) return [{ type: 'header', text: { type: 'plain_text', text: plain, emoji: false } }];
  return sections(`*${plain}*`);
}

/** Slack renders `<!date^…>` in each reader's own time zone; the fallback is UTC. */
function slackDate(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return escapeText(iso);
  const fallback = time.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return `<!date^${Math.floor(time.getTime() / 1000)}^{date_short_pretty} at {time}|${fallback}>`;
}

function quoteLine(quote: { text: string; speaker: string; source: string; url?: string }): string {
  // A quote cut off before its attribution ("…ultimatum," Lavrov said) keeps no dangling comma.
  const body = escapeText(quote.text.trim().replace(/[,;:]$/, '')).replace(/\n+/g, ' ');
  return `> “${body}”\n— *${escapeText(quote.speaker)}*, ${linkTo(quote.url, quote.source)}`;
}

function bullets(points: string[]): string {
  return points.map((point) => `• ${escapeText(point)}`).join('\n');
}

/**
 * Picks the quote most worth showing: a whole statement (six words or more) by a named speaker,
 * short enough to read at a glance when there is one, from someone the story lists among its people.
 */
function notableQuote(story: Story): Story['quotes'][number] | undefined {
  const people = new Set(story.people.flatMap((person) => [person.name, ...person.aliases]));
  const named = story.quotes.filter((quote) => quote.speaker.trim() !== '');
  const whole = named.filter((quote) => quote.text.trim().split(/\s+/).length >= 6);
  const readable = whole.filter((quote) => quote.text.length <= 300);
  return readable.find((quote) => people.has(quote.speaker)) ?? readable[0] ?? whole[0] ?? named[0];
}

/**
 * What all sources agree on, what only one reports, and what is new. A new point already listed
 * under agreed / only in is marked there rather than repeated; when every listed point is new
 * (a story's first briefing) a single "new story" line says so instead of a mark on each.
 */
function comparisonText(story: Story): string {
  const listed = [...story.agreed.map((a) => a.point), ...Object.values(story.onlyIn).flat()];
  const isNew = new Set(story.new.map((point) => point.trim()));
  const allNew = listed.length > 0 && listed.every((point) => isNew.has(point.trim()));
  const mark = (point: string) => (!allNew && isNew.has(point.trim()) ? ' _(new)_' : '');
  const parts: string[] = [];
  if (allNew) parts.push('_New story since the last briefing._');
  if (story.agreed.length > 0) {
    parts.push('*All sources agree*\n' + story.agreed.map((a) => `• ${escapeText(a.point)} _(${escapeText(a.sources.join(', '))})_${mark(a.point)}`).join('\n'));
  }
  for (const [source, points] of Object.entries(story.onlyIn)) {
    if (points.length > 0) parts.push(`*Only in ${escapeText(source)}*\n` + points.map((point) => `• ${escapeText(point)}${mark(point)}`).join('\n'));
  }
  const shown = new Set([...listed, ...story.summary].map((point) => point.trim()));
  const unlisted = story.new.filter((point) => !shown.has(point.trim()));
  if (unlisted.length > 0) parts.push(`*${parts.length > 0 ? 'Also new' : 'New'} since the last briefing*\n${bullets(unlisted)}`);
  const markedAny = listed.some((point) => isNew.has(point.trim()));
  if (story.new.length > 0 && !markedAny && unlisted.length === 0) parts.push('_New since the last briefing._');
  return parts.join('\n');
}

/** The blocks for one story: headline and summary, comparison, people, a quote, sources, divider. */
export function storyBlocks(story: Story): Block[] {
  const firstUrl = story.articles.find((article) => article.url !== undefined)?.url;
  const blocks: Block[] = [];
  const headline = `*${linkTo(firstUrl, story.headline)}*`;
  blocks.push(...sections([headline, escapeText(story.summary.join(' '))].filter(Boolean).join('\n')));

  blocks.push(...sections(comparisonText(story)));

  const aboutPeople: string[] = [];
  if (story.people.length > 0) {
    const people = story.people.map((person) => (person.role ? `${escapeText(person.name)} (${escapeText(person.role)})` : escapeText(person.name)));
    aboutPeople.push(`*People:* ${people.join(' · ')}`);
  }
  const quote = notableQuote(story);
  if (quote !== undefined) aboutPeople.push(quoteLine(quote));
  if (aboutPeople.length > 0) blocks.push(...sections(aboutPeople.join('\n')));

  const sources = story.articles.map((article) => linkTo(article.url, `${article.source}: ${article.title}`));
  if (sources.length > 0) blocks.push(...contexts([`${sources.length === 1 ? 'Source' : `${sources.length} sources`}:`, ...sources]));
  if (story.timeline && story.timeline.length > 0) blocks.push(...sections(`*Timeline*\n${timelineLines(story.timeline).map(escapeText).join('\n')}`));
  blocks.push({ type: 'divider' });
  return blocks;
}

/** The characters of text a block carries, as Slack counts them towards a message's size. */
function textLength(block: Block): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((sum, field) => sum + field.text.length, 0);
    case 'context':
      return block.elements.reduce((sum, element) => sum + ('text' in element ? element.text.length : 0), 0);
    default:
      return 0;
  }
}

/** Room taken at the top of a message by the caller's header or continuation line. */
interface Lead {
  blocks: number;
  chars: number;
}

/**
 * Packs groups of blocks (one per story, quote…) into messages within Slack's 50 blocks and its
 * cumulative text limit, keeping a group whole whenever it fits in one message.
 */
function packGroups(groups: Block[][], lead: (messageIndex: number) => Lead): Block[][] {
  const messages: Block[][] = [];
  let current: Block[] = [];
  let chars = 0;
  const fits = (blocks: number, text: number) => {
    const room = lead(messages.length);
    return current.length + blocks <= slackLimits.blocksPerMessage - room.blocks && chars + text <= slackLimits.textCharsPerMessage - room.chars;
  };
  const close = () => {
    messages.push(current);
    current = [];
    chars = 0;
  };
  for (const group of groups) {
    const groupChars = group.reduce((sum, block) => sum + textLength(block), 0);
    if (current.length > 0 && !fits(group.length, groupChars)) close();
    for (const block of group) {
      const blockChars = textLength(block);
      if (current.length > 0 && !fits(1, blockChars)) close();
      current.push(block);
      chars += blockChars;
    }
  }
  if (current.length > 0 || messages.length === 0) messages.push(current);
  return messages;
}

/** Joins items for a notification line, stopping before the limit and saying how many were left out. */
function boundedList(items: string[], max: number): string {
  let text = '';
  for (const [index, item] of items.entries()) {
    const next = text === '' ? item : `${text}; ${item}`;
    if (next.length > max - 20) return `${text}; and ${items.length - index} more`;
    text = next;
  }
  return text;
}

/**
 * Renders a briefing as one or more chat messages: a header, one block group per story, and a
 * "continued" line on every later message. Returns at least one message, even for no stories.
 */
export function renderDigest(digest: Digest): SlackMessage[] {
  const title = digest.title ?? 'News briefing';
  const count = digest.stories.length;
  const intro: Block[] = [
    ...titleBlock(title),
    ...contexts([`${count} ${count === 1 ? 'story' : 'stories'} · ${slackDate(digest.generatedAt)}`]),
    ...(digest.notices?.length ? contexts(digest.notices.map((notice) => `:warning: ${escapeText(notice)}`)) : []),
  ];
  const groups = digest.stories.map(storyBlocks);
  if (groups.length === 0) groups.push(sections('No new stories since the last briefing.'));
  const introLead = { blocks: intro.length, chars: intro.reduce((sum, block) => sum + textLength(block), 0) };
  // A continuation line is one context block of about the title's length.
  const continuationLead = { blocks: 1, chars: escapeText(title).length + 40 };
  const packed = packGroups(groups, (index) => (index === 0 ? introLead : continuationLead));
  return packed.map((blocks, index) => {
    const storiesHere = countStories(blocks);
    if (index === 0) {
      const headlines = digest.stories.slice(0, storiesHere).map((story) => story.headline);
      const summary = `${title}: ${count} ${count === 1 ? 'story' : 'stories'}${headlines.length > 0 ? ' — ' + boundedList(headlines, slackLimits.fallbackChars - title.length - 30) : ''}`;
      return { text: escapeText(summary), blocks: [...intro, ...blocks] };
    }
    const label = `${title} (continued ${index + 1}/${packed.length})`;
    return { text: escapeText(label), blocks: [...contexts([`*${escapeText(label)}*`]), ...blocks] };
  });
}

/** A threaded briefing as Slack gets it: a first message, then each new story in messages of its own. */
export interface ThreadedSlackBriefing {
  intro: SlackMessage;
  /** Per new story, its messages: the first is the root of the story's thread. */
  stories: Array<{ storyId: string; messages: SlackMessage[] }>;
}

/**
 * Renders a briefing with threads: the first message holds the title, the notices and one line
 * per story continued in its thread (linked by `threadLink`, when it gives a URL); each new
 * story follows in messages of its own, so that it can grow a thread.
 */
export function renderThreadedDigest(digest: Digest, threadLink: (followUp: FollowUp) => string | undefined): ThreadedSlackBriefing {
  const title = digest.title ?? 'News briefing';
  const followUps = digest.followUps ?? [];
  const count = digest.stories.length;
  const counts = briefingCounts(count, followUps.length);
  const blocks: Block[] = [
    ...titleBlock(title),
    ...contexts([`${counts.join(' · ')} · ${slackDate(digest.generatedAt)}`]),
    ...(digest.notices?.length ? contexts(digest.notices.map((notice) => `:warning: ${escapeText(notice)}`)) : []),
  ];
  if (followUps.length > 0) blocks.push(...sections(`*Continued in their threads*\n${followUps.map((f) => `• ${followUpLine(f, threadLink(f))}`).join('\n')}`));
  if (count === 0 && followUps.length === 0) blocks.push(...sections('No new stories since the last briefing.'));
  const intro = packGroups([blocks], () => ({ blocks: 0, chars: 0 }))[0] ?? blocks;
  const fallback = `${title}: ${counts.join(', ')}`;
  return {
    intro: { text: escapeText(fallback), blocks: intro },
    stories: digest.stories.map((story) => ({
      storyId: story.id,
      messages: packGroups([storyBlocks(story)], () => ({ blocks: 0, chars: 0 })).map((group, index) => ({
        text: escapeText(index === 0 ? story.headline : `${story.headline} (continued)`),
        blocks: group,
      })),
    })),
  };
}

function followUpLine(followUp: FollowUp, link: string | undefined): string {
  const count = followUp.story.new.length;
  const what = count > 0 ? `${count} new ${count === 1 ? 'point' : 'points'}` : `${followUp.newArticles.length} new ${followUp.newArticles.length === 1 ? 'report' : 'reports'}`;
  return `${linkTo(link, followUp.story.headline)} — ${what} in the thread`;
}

/**
 * A reply in a story's thread: only what is new since the channel's last briefing, and the
 * reports that brought it.
 */
export function renderFollowUp(followUp: FollowUp): SlackMessage[] {
  const { story, newArticles } = followUp;
  const parts = story.new.length > 0 ? [`*New since the last briefing*\n${bullets(story.new)}`] : ['_Nothing new to add since the last briefing; more outlets report it._'];
  const groups: Block[][] = [sections(parts.join('\n'))];
  const sources = newArticles.map((article) => linkTo(article.url, `${article.source}: ${article.title}`));
  if (sources.length > 0) groups.push(contexts([`${sources.length === 1 ? 'New report' : `${sources.length} new reports`}:`, ...sources]));
  return packGroups(groups, () => ({ blocks: 0, chars: 0 })).map((blocks, index) => ({
    text: escapeText(`${index === 0 ? 'Update' : 'Update (continued)'}: ${story.headline}`),
    blocks,
  }));
}

function countStories(blocks: Block[]): number {
  return blocks.filter((block) => block.type === 'divider').length;
}

function profileMessage(profile: PersonProfile): Block[] {
  const lines = [`*${escapeText(profile.name)}*${profile.role ? ` — ${escapeText(profile.role)}` : ''}`];
  if (profile.aliases.length > 0) lines.push(`Also written: ${escapeText(profile.aliases.join(', '))}`);
  const seen = profile.lastSeen ? `; last seen ${slackDate(profile.lastSeen)}` : '';
  lines.push(`In ${profile.articleCount} ${profile.articleCount === 1 ? 'article' : 'articles'}, quoted ${profile.quoteCount} ${profile.quoteCount === 1 ? 'time' : 'times'}${seen}`);
  const blocks = sections(lines.join('\n'));
  if (profile.outlets.length > 0) {
    blocks.push(...contexts([`Outlets: ${profile.outlets.map((o) => `${escapeText(o.source)} (${o.mentions})`).join(' · ')}`]));
  }
  return blocks;
}

function quoteGroups(quotes: QuoteItem[]): Block[][] {
  return quotes.map((quote) => sections(`${quoteLine(quote)}${quote.title ? ` · _${escapeText(quote.title)}_` : ''}`));
}

function messagesFrom(first: Block[], groups: Block[][], fallback: string): SlackMessage[] {
  const packed = packGroups([first, ...groups], () => ({ blocks: 0, chars: 0 }));
  return packed.map((blocks, index) => ({ text: escapeText(index === 0 ? fallback : `${fallback} (continued)`), blocks }));
}

/**
 * Renders any command Reply as chat messages (usually one; long quote lists and briefings
 * become several). Errors become a warning line plus what to do next.
 */
export function renderReply(reply: Reply): SlackMessage[] {
  switch (reply.kind) {
    case 'digest':
      return renderDigest(reply.digest);
    case 'error': {
      const blocks = sections(`:warning: ${escapeText(reply.message)}`);
      if (reply.hint) blocks.push(...contexts([escapeText(reply.hint)]));
      return [{ text: escapeText(reply.hint ? `${reply.message} ${reply.hint}` : reply.message), blocks }];
    }
    case 'profile': {
      const fallback = `${reply.profile.name}${reply.profile.role ? ` — ${reply.profile.role}` : ''}`;
      const quotes = reply.quotes.length > 0 ? [sections('*Recent quotes*'), ...quoteGroups(reply.quotes)] : [];
      return messagesFrom(profileMessage(reply.profile), quotes, fallback);
    }
    case 'quotes': {
      const who = reply.speaker ?? reply.query;
      const heading = reply.quotes.length > 0 ? `*Quotes by ${escapeText(who)}*` : `No quotes by ${escapeText(who)} yet.`;
      return messagesFrom(sections(heading), quoteGroups(reply.quotes), `Quotes by ${who}`);
    }
    case 'text': {
      const first = reply.title ? titleBlock(reply.title) : [];
      const groups = reply.sections.map((section) =>
        sections([section.heading ? `*${escapeText(section.heading)}*` : '', ...section.lines.map((line) => linkUrls(escapeText(line)))].filter(Boolean).join('\n')),
      );
      const fallback = reply.title ?? reply.sections[0]?.heading ?? reply.sections[0]?.lines[0] ?? 'newsbot';
      return messagesFrom(first, groups, fallback);
    }
  }
}
