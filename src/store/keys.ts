import { createHash } from 'node:crypto';
import { personKeyWords } from '../analyze/aliases.ts';
import type { Analysis } from '../analyze/types.ts';
import { canonicalUrl } from '../ingest/feeds/canonical-url.ts';

// The keys every store implementation derives from an analysis, computed once here so that
// SQLite and PostgreSQL deduplicate, merge people and search alike.

/** SHA-256 of the folded title and text: two copies of one article under other ids share it. */
export function contentHash(analysis: Analysis): string {
  const text = analysis.article.paragraphs.join('\n').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(analysis.article.title.trim().toLowerCase() + '\n' + text).digest('hex');
}

/** The article link without tracking parameters, or null when there is none or it is no URL. */
export function safeCanonical(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return canonicalUrl(url);
  } catch {
    return null;
  }
}

/** Folded surname and given name, titles and Jr/Sr suffixes left out, as the analysis merges people. */
export function nameParts(name: string): { surname: string; given: string } {
  const words = personKeyWords(name);
  return { surname: words.at(-1) ?? '', given: words.length > 1 ? words[0]! : '' };
}

/** Lower-cases and strips diacritics, as the full-text indexes compare words. */
export function foldForSearch(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** The words of a `/story` query, folded; only letters and digits, so no query syntax gets through. */
export function searchTerms(words: string): string[] {
  return foldForSearch(words)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
