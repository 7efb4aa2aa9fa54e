import type { Story } from '../stories/types.ts';

/**
 * Which stories a schedule posts: with `include`, only stories that mention at least one of
 * its words or people; never a story that mentions any `exclude` term. Terms match whole
 * words, case and accents ignored ("nato" matches "NATO's", not "natoli").
 */
export interface StoryFilters {
  include: string[];
  exclude: string[];
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Splits "ukraine, nato" (or a YAML list's items) into trimmed, distinct terms of at most 100 characters. */
export function parseFilterTerms(input: string | string[]): string[] {
  const parts = (Array.isArray(input) ? input : [input]).flatMap((item) => item.split(/[,;]/));
  const terms: string[] = [];
  for (const part of parts) {
    const term = part.trim().replace(/^["']|["']$/g, '').trim();
    if (term && term.length <= 100 && !terms.some((t) => fold(t) === fold(term))) terms.push(term);
  }
  return terms;
}

function termPattern(term: string): RegExp {
  const escaped = fold(term)
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
}

/** The text a story is matched on: headline, summary, points, article titles, people and their spellings. */
function storyText(story: Story): string {
  return fold(
    [
      story.headline,
      ...story.summary,
      ...story.agreed.map((a) => a.point),
      ...Object.values(story.onlyIn).flat(),
      ...story.articles.map((a) => a.title),
      ...story.people.flatMap((p) => [p.name, ...p.aliases]),
      ...story.quotes.map((q) => q.speaker),
    ].join('\n'),
  );
}

/** True when the story passes the filters (always, without any). */
export function storyPasses(story: Story, filters: StoryFilters | undefined): boolean {
  if (!filters || (filters.include.length === 0 && filters.exclude.length === 0)) return true;
  const text = storyText(story);
  if (filters.exclude.some((term) => termPattern(term).test(text))) return false;
  return filters.include.length === 0 || filters.include.some((term) => termPattern(term).test(text));
}

/** "include: ukraine, nato · exclude: sport", or undefined without filters; for schedule lists. */
export function describeFilters(filters: StoryFilters | undefined): string | undefined {
  if (!filters) return undefined;
  const parts = [
    ...(filters.include.length ? [`include: ${filters.include.join(', ')}`] : []),
    ...(filters.exclude.length ? [`exclude: ${filters.exclude.join(', ')}`] : []),
  ];
  return parts.length ? parts.join(' · ') : undefined;
}

/**
 * Takes `include:"a, b"` and `exclude:"c"` (also `include: a,b` or `include='a'`) out of the
 * words of a chat command. Returns the filters found and the remaining text.
 */
export function takeFilters(text: string): { filters?: StoryFilters; rest: string } {
  const found: StoryFilters = { include: [], exclude: [] };
  const rest = text.replace(/\b(include|exclude|only|skip)\s*[:=]\s*("[^"]*"|'[^']*'|[^\s,]+(?:\s*,\s*[^\s,:=]+)*)/gi, (_all, key: string, value: string) => {
    const kind = /^(include|only)$/i.test(key) ? 'include' : 'exclude';
    found[kind].push(...parseFilterTerms(value));
    return ' ';
  });
  const any = found.include.length > 0 || found.exclude.length > 0;
  return { ...(any ? { filters: found } : {}), rest: rest.replace(/\s+/g, ' ').trim() };
}

/**
 * Reads `threads:on|off` (also true/false, yes/no) out of a /digest schedule line; returns the
 * choice, when given, and the rest of the line.
 */
export function takeThreadsOption(text: string): { threads?: boolean; rest: string } {
  let threads: boolean | undefined;
  const rest = text.replace(/\bthreads\s*[:=]\s*(on|off|true|false|yes|no)\b/gi, (_all, value: string) => {
    threads = /^(on|true|yes)$/i.test(value);
    return ' ';
  });
  return { ...(threads === undefined ? {} : { threads }), rest: rest.replace(/\s+/g, ' ').trim() };
}
