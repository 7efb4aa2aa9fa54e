/**
 * Live blogs: one article made of timestamped entries ("10.42am GMT", "14:05", "Updated at
 * 9:30"), newest usually first. Read in order they are fragments of many moments; a briefing
 * tells the latest entries only.
 */

/** A timestamp opening a paragraph or entry, with the clock time it gives. */
const ENTRY_TIME = /^(?:updated(?:\s+at)?\s+)?(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?(?:\s+(?:[A-Z]{2,5}|UTC[+-]\d{1,2}))?(?=[\s:—–-]|$)[\s:—–-]*/i;
/** This many timestamped paragraphs make an article a live blog. */
const MIN_ENTRIES = 3;
/** Entries a briefing tells. */
const LATEST_ENTRIES = 2;

export interface LiveEntry {
  /** Paragraph index where the entry starts. */
  paragraph: number;
  /** Minutes after midnight, as printed. */
  minutes: number;
}

/** The entries of a live blog, in the order printed; undefined when the article is not one. */
export function liveBlogEntries(paragraphs: readonly string[]): LiveEntry[] | undefined {
  const entries: LiveEntry[] = [];
  paragraphs.forEach((text, paragraph) => {
    const match = ENTRY_TIME.exec(text.trim());
    if (match === null) return;
    let hours = Number(match[1]);
    const half = (match[3] ?? '').toLowerCase().replace(/\./g, '');
    if (hours > 23 || Number(match[2]) > 59) return;
    if (half === 'pm' && hours < 12) hours += 12;
    if (half === 'am' && hours === 12) hours = 0;
    entries.push({ paragraph, minutes: hours * 60 + Number(match[2]) });
  });
  return entries.length >= MIN_ENTRIES ? entries : undefined;
}

/**
 * The paragraphs of a live blog's latest entries (by printed time, newest first), or undefined
 * when the article is not a live blog. An entry runs to the next timestamp.
 */
export function latestEntryParagraphs(paragraphs: readonly string[]): Set<number> | undefined {
  const entries = liveBlogEntries(paragraphs);
  if (entries === undefined) return undefined;
  const latest = [...entries].sort((a, b) => b.minutes - a.minutes || b.paragraph - a.paragraph).slice(0, LATEST_ENTRIES);
  const kept = new Set<number>();
  for (const entry of latest) {
    const next = entries.find((e) => e.paragraph > entry.paragraph)?.paragraph ?? paragraphs.length;
    for (let p = entry.paragraph; p < next; p += 1) kept.add(p);
  }
  return kept;
}

/** A sentence without the entry's timestamp ("10.42am GMT The minister said…" -> "The minister said…"). */
export function withoutEntryTime(text: string): string {
  const match = ENTRY_TIME.exec(text);
  if (match === null) return text;
  const rest = text.slice(match[0].length);
  return /^\p{Lu}|^["“‘]/u.test(rest) ? rest : text;
}
