import type { Article, RawDocument } from '../article.ts';
import { splitBoilerplate } from './boilerplate.ts';
import { extractHtml } from './html.ts';
import { EmptyArticleError } from './empty-article.ts';

export { EmptyArticleError };

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Soft hyphens and zero-width marks split names for everything downstream ("Zelen\u00adsky");
 * composed accents make "é" one character however the page encoded it.
 */
const invisibleCharactersOut = (paragraph: string): string => paragraph.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').normalize('NFC');

const fold = (line: string): string => line.replace(/[\s\u00a0]+/g, ' ').trim();

/** True for a block of hard-wrapped prose: long lines that mostly stop mid-sentence. */
function isWrappedProse(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const inner = lines.slice(0, -1);
  const averageLength = lines.reduce((sum, line) => sum + line.length, 0) / lines.length;
  const unfinished = inner.filter((line) => !/[.!?:;"”’)]$/.test(line)).length;
  return averageLength >= 40 && unfinished / inner.length >= 0.6;
}

/**
 * Plain text to paragraphs: one per non-empty line, whitespace folded; except that a
 * blank-line-separated block of hard-wrapped prose becomes one paragraph.
 */
function textParagraphs(text: string): string[] {
  const blocks = text.split(/(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)/);
  return blocks.flatMap((block) => {
    const lines = block.split(/\r\n|\r|\n/).map(fold).filter((line) => line !== '');
    return isWrappedProse(lines) ? [lines.join(' ')] : lines;
  });
}

const ESCAPED_TAG = /&lt;\s*(?:!--|\/?(?:p|div|a|br|span|strong|em|b|i|ul|ol|li|table|img|blockquote|h[1-6])\b)|\\<\s*(?:!--|\/?[a-z])/i;

/** Whether a text holds markup written out as entities or Markdown escapes. */
export function looksEscapedMarkup(text: string): boolean {
  return ESCAPED_TAG.test(text);
}

/**
 * HTML with its escaped markup unescaped once: `&lt;p&gt;It&amp;#39;s` -> `<p>It&#39;s`, and
 * Markdown escapes (`\<`, `\_`) dropped. HTML without escaped markup is returned as it is.
 */
export function markupUnescaped(html: string): string {
  if (!looksEscapedMarkup(html)) return html;
  return html
    .replace(/\\([<>_*[\]()#!-])/g, '$1')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;|&#34;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, '&');
}

/**
 * Turns a raw document into an Article: HTML goes through main-text extraction, plain text is
 * split into paragraphs at line breaks, and both then lose their boilerplate (banners, captions,
 * newsletter and donation boxes, the repeated headline) into `removed`.
 * Source falls back from the document's own to the page's site name, the URL host (the
 * document's, else the page's canonical one), "unknown".
 * Throws EmptyArticleError (E_EMPTY_ARTICLE) when the document carries neither text nor HTML.
 */
export function documentToArticle(raw: RawDocument): Article {
  let paragraphs: string[];
  let removed: string[] = [];
  let title = raw.title;
  let byline = raw.byline;
  let publishedAt = raw.publishedAt;
  let siteName: string | undefined;
  let pageUrl: string | undefined;
  let headlines: string[] = [];

  // Markup that arrived escaped (Reddit's `&lt;!-- SC_OFF --&gt;&lt;div class="md"&gt;`, Markdown's
  // `\<!-- SC\_OFF --\>`) is markup, not text: unescaped once, it is extracted like any page.
  const html = raw.html !== undefined && raw.html.trim() !== '' ? markupUnescaped(raw.html) : raw.text !== undefined && looksEscapedMarkup(raw.text) ? markupUnescaped(raw.text) : undefined;
  if (html !== undefined) {
    const page = extractHtml(html);
    paragraphs = page.paragraphs;
    removed = page.removed;
    title ??= page.title;
    byline ??= page.byline;
    publishedAt ??= page.publishedAt;
    siteName = page.siteName;
    pageUrl = page.url;
    headlines = page.headlines ?? [];
  } else if (raw.text !== undefined && raw.text.trim() !== '') {
    paragraphs = textParagraphs(raw.text);
  } else {
    throw new EmptyArticleError(`${raw.id}: the article has no text; give "text" or "html"`);
  }

  const context = { ...(title === undefined ? {} : { title }), headlines };
  const { kept, removed: boilerplate } = splitBoilerplate(paragraphs.map(invisibleCharactersOut), context);
  const article: Article = {
    id: raw.id,
    source: raw.source ?? siteName ?? hostOf(raw.url ?? pageUrl) ?? 'unknown',
    title: title ?? kept[0] ?? raw.id,
    paragraphs: kept,
    removed: [...removed, ...boilerplate],
  };
  const url = raw.url ?? pageUrl;
  if (url) article.url = url;
  if (publishedAt) article.publishedAt = publishedAt;
  if (byline) article.byline = byline;
  if (raw.feedUrl) article.feedUrl = raw.feedUrl;
  return article;
}
