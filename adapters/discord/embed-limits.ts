import type { APIEmbed, APIEmbedField } from 'discord.js';

/** Discord's documented limits for message content and embeds. */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of every embed's title, description, field names and values, footer and author. */
  messageEmbedChars: 6000,
  embedsPerMessage: 10,
} as const;

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Splits text into pieces of at most `max` characters, breaking between lines first, then
 * between sentences, then between words. Only a single word longer than `max` (a URL, say)
 * is cut mid-word, since nothing else would make it fit.
 */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const splits = [
    () => text.split('\n').map((line, i, all) => (i < all.length - 1 ? line + '\n' : line)),
    () => [...sentenceSegmenter.segment(text)].map((s) => s.segment),
    () => [...wordSegmenter.segment(text)].map((s) => s.segment),
  ];
  let units: string[] | undefined;
  // Coarsest split first; segmenting a long text by words is slow, so it runs only when needed.
  for (const split of splits) {
    const pieces = split();
    if (pieces.length > 1) {
      units = pieces;
      break;
    }
  }
  if (!units) {
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += max) pieces.push(text.slice(i, i + max));
    return pieces;
  }
  return packUnits(units, max)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Greedily joins units into pieces of at most max chars; a unit too long on its own is split further. */
function packUnits(units: readonly string[], max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const unit of units) {
    if ((current + unit).trimEnd().length <= max) {
      current += unit;
      continue;
    }
    if (current.trim()) pieces.push(current);
    current = unit;
    if (unit.trim().length > max) {
      const inner = splitText(unit.trim(), max);
      pieces.push(...inner.slice(0, -1));
      current = inner.at(-1) ?? '';
    }
  }
  if (current.trim()) pieces.push(current);
  return pieces;
}

/** Joins lines into chunks of at most `max` characters, never breaking a line unless it alone is too long. */
export function packLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => splitText(l, max))) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= max) {
      current = joined;
    } else {
      chunks.push(current);
      current = line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Shortens a one-line label (a title, a field name) at a word boundary, marking the cut with "…". */
export function shortenLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd() + '…';
}

/** Characters an embed counts toward the 6,000-per-message budget. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** One unit of embed content: a description paragraph or a field. */
export type EmbedPart = { description: string } | { field: APIEmbedField };

/**
 * Lays parts out into as many embeds as the limits need. Each embed starts from `header`
 * (title, url, footer...); continuation embeds get `continuedTitle`. Long descriptions and
 * field values are split between lines or sentences, with the field name repeated.
 */
export function layoutEmbeds(header: APIEmbed, parts: EmbedPart[], continuedTitle?: string): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let current: APIEmbed = { ...header };
  const fresh = () => {
    embeds.push(current);
    current = { ...header, ...(continuedTitle ? { title: continuedTitle } : {}) };
  };
  const budget = DISCORD_LIMITS.messageEmbedChars;
  for (const part of parts) {
    // Discord refuses a whole message over one empty description, field name or value.
    if ('description' in part ? !part.description.trim() : !part.field.value.trim() || !part.field.name.trim()) continue;
    if ('description' in part) {
      const room = Math.min(DISCORD_LIMITS.description, budget - embedLength({ ...header, title: continuedTitle ?? header.title ?? '' }));
      for (const piece of splitText(part.description, room)) {
        const joined = current.description ? `${current.description}\n${piece}` : piece;
        const usesFields = (current.fields?.length ?? 0) > 0;
        if (usesFields || joined.length > DISCORD_LIMITS.description || embedLength(current) - (current.description?.length ?? 0) + joined.length > budget) {
          fresh();
          current.description = piece;
        } else {
          current.description = joined;
        }
      }
      continue;
    }
    const name = shortenLabel(part.field.name, DISCORD_LIMITS.fieldName);
    const values = splitText(part.field.value, DISCORD_LIMITS.fieldValue);
    values.forEach((value, index) => {
      const field: APIEmbedField = { name: index === 0 ? name : shortenLabel(`${part.field.name} (continued)`, DISCORD_LIMITS.fieldName), value };
      if (part.field.inline) field.inline = true;
      const count = current.fields?.length ?? 0;
      if (count >= DISCORD_LIMITS.fields || embedLength(current) + field.name.length + field.value.length > budget) fresh();
      current.fields = [...(current.fields ?? []), field];
    });
  }
  embeds.push(current);
  return embeds;
}

/** Groups embeds into messages of at most 10 embeds and 6,000 characters each, in order. */
export function groupEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let length = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (current.length > 0 && (current.length >= DISCORD_LIMITS.embedsPerMessage || length + size > DISCORD_LIMITS.messageEmbedChars)) {
      messages.push(current);
      current = [];
      length = 0;
    }
    current.push(embed);
    length += size;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
