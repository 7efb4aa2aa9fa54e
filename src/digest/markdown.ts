import type { Story } from '../stories/types.ts';
import type { Digest } from './types.ts';
import { timelineLines } from './timeline.ts';

/**
 * The briefing as a person reads it in a terminal or any Markdown view: per story the headline,
 * linked sources, the summary, what all sources agree on, what only one has, what is new,
 * the people with their roles and a notable quote. Empty sections are left out.
 */
export function renderDigestMarkdown(digest: Digest): string {
  const lines: string[] = [];
  lines.push(`# ${digest.title ?? 'News briefing'}`);
  const count = digest.stories.length;
  lines.push(`_${formatTime(digest.generatedAt)} · ${count} ${count === 1 ? 'story' : 'stories'}_`);
  for (const notice of digest.notices ?? []) lines.push('', `> ⚠ ${inline(notice)}`);
  const followUps = digest.followUps ?? [];
  if (followUps.length > 0) {
    lines.push('', '**Continued in their threads**');
    for (const followUp of followUps) lines.push(`- ${inline(followUp.story.headline)}: ${followUp.story.new.length} new ${followUp.story.new.length === 1 ? 'point' : 'points'}`);
  }
  if (count === 0) {
    if (followUps.length === 0) lines.push('', 'No new articles since the last briefing.');
    return lines.join('\n') + '\n';
  }
  digest.stories.forEach((story, index) => {
    lines.push('', ...renderStoryMarkdown(story, index + 1));
  });
  return lines.join('\n') + '\n';
}

/** One story's Markdown lines, numbered as in the briefing. */
export function renderStoryMarkdown(story: Story, number?: number): string[] {
  const lines: string[] = [];
  lines.push(`## ${number === undefined ? '' : `${number}. `}${inline(story.headline)}`);
  lines.push(`Sources: ${renderSources(story)}`);
  if (story.summary.length > 0) lines.push('', story.summary.map(inline).join(' '));
  if (story.agreed.length > 0) {
    lines.push('', '**All sources agree**');
    for (const agreed of story.agreed) lines.push(`- ${inline(agreed.point)} _(${agreed.sources.map(inline).join(', ')})_`);
  }
  for (const [source, points] of Object.entries(story.onlyIn)) {
    if (points.length === 0) continue;
    lines.push('', `**Only in ${inline(source)}**`);
    for (const point of points) lines.push(`- ${inline(point)}`);
  }
  if (story.new.length > 0) {
    lines.push('', '**New since last briefing**');
    for (const point of story.new) lines.push(`- ${inline(point)}`);
  }
  if (story.people.length > 0) {
    lines.push('', '**People**');
    for (const person of story.people) {
      const role = person.role === undefined ? '' : `, ${inline(person.role)}`;
      const aliases = person.aliases.length === 0 ? '' : ` (also ${person.aliases.map(inline).join(', ')})`;
      lines.push(`- ${inline(person.name)}${role}${aliases}`);
    }
  }
  const quote = story.quotes[0];
  if (quote !== undefined) {
    lines.push('', `> “${inline(quote.text)}”`, `> — ${inline(quote.speaker)}, ${quote.url === undefined ? inline(quote.source) : link(quote.source, quote.url)}`);
  }
  if (story.timeline && story.timeline.length > 0) {
    lines.push('', '**Timeline**');
    for (const line of timelineLines(story.timeline)) lines.push(line.startsWith('  – ') ? `  - ${inline(line.slice(4))}` : `- ${inline(line)}`);
  }
  return lines;
}

function renderSources(story: Story): string {
  const parts: string[] = [];
  for (const article of story.articles) {
    parts.push(article.url === undefined ? `${inline(article.source)}: ${inline(article.title)}` : link(`${article.source}: ${article.title}`, article.url));
  }
  return parts.join(' · ');
}

function link(text: string, url: string): string {
  return `[${inline(text).replace(/[[\]]/g, '\\$&')}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** Article text on one line, with the characters that would start Markdown formatting escaped. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_<>])/g, '\\$1');
}

function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d\d(?:\.\d+)?Z$/, ' UTC');
}
