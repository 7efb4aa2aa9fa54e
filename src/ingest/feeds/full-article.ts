import { wordCount } from '../../core/word-count.ts';
import type { Article, RawDocument, ToArticle } from '../article.ts';
import { decodeBytes } from '../http/charset.ts';
import { documentToArticle } from '../extract/clean.ts';
import { fragmentText, isTeaser, withoutReadMore } from './items.ts';
import type { HttpGet } from '../http/fetch.ts';

/** A fetched page must give at least this many words, and more than the teaser, to replace it. */
const minimumPageWords = 80;


/**
 * The Article for a feed item. When the item carries only a teaser and has a link, the page is
 * fetched and its main text used; when the page is unreachable, not HTML, paywalled or gives
 * too little text, the teaser is kept and the Article is marked `teaserOnly`.
 */
export async function articleFromFeedItem(raw: RawDocument, http: HttpGet | undefined, toArticle: ToArticle = documentToArticle): Promise<Article> {
  if (!isTeaser(raw.html)) return toArticle(raw);
  const teaserWords = fragmentText(raw.html ?? raw.text ?? '').split(' ').filter(Boolean).length;
  if (http && raw.url && /^https?:/i.test(raw.url)) {
    try {
      const page = await http(raw.url, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1' });
      const isHtml = !page.contentType || /html|xml/i.test(page.contentType);
      if (isHtml && page.body.length > 0) {
        const html = decodeBytes(page.body, page.contentType).text;
        const article = await toArticle({ ...raw, html });
        const words = wordCount(article.paragraphs.join(' '));
        if (words >= minimumPageWords && words > teaserWords) return article;
      }
    } catch {
      // Unreachable or refused: the teaser below still makes the item usable.
    }
  }
  return teaserArticle(raw);
}

/** The Article made from the teaser alone, flagged `teaserOnly`. */
export function teaserArticle(raw: RawDocument): Article {
  const { html, ...rest } = raw;
  const stripped = html === undefined ? undefined : withoutReadMore(html);
  // A teaser that was nothing but "Read more" leaves the title as the only text there is.
  const teaser: RawDocument = stripped && fragmentText(stripped) ? { ...rest, html: stripped } : { ...rest, text: raw.text ?? raw.title ?? '' };
  return { ...documentToArticle(teaser), teaserOnly: true };
}
