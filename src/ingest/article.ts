/**
 * An article as newsbot knows it after ingestion: main text split into paragraphs,
 * with every boilerplate line that cleaning removed kept aside in `removed`.
 */
export interface Article {
  /** File base name for file inputs; the item's guid or link for feed items. */
  id: string;
  /** Outlet name ("The Moscow Times"); falls back to the host name or "unknown". */
  source: string;
  title: string;
  url?: string;
  /** ISO 8601. */
  publishedAt?: string;
  byline?: string;
  /** Main text, one entry per paragraph, whitespace folded. */
  paragraphs: string[];
  /** Text that cleaning removed: banners, captions, newsletter boxes, donation appeals. */
  removed: string[];
  /** The feed this article came from, when it came from one. */
  feedUrl?: string;
  /** True when only a feed teaser was available (page unreachable, paywalled or too short). */
  teaserOnly?: boolean;
}

/** What an input file, URL or feed item provides before cleaning. */
export interface RawDocument {
  id: string;
  title?: string;
  source?: string;
  url?: string;
  publishedAt?: string;
  byline?: string;
  feedUrl?: string;
  /** Plain text; paragraphs separated by line breaks. */
  text?: string;
  /** A whole HTML page or an HTML fragment (feed content). */
  html?: string;
}

/**
 * Makes the Article of a fetched page or feed item: `documentToArticle` on this thread, or
 * (returning a promise) on a worker thread, as the analysis pool does.
 */
export type ToArticle = (raw: RawDocument) => Article | Promise<Article>;
