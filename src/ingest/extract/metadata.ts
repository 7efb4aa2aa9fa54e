/** Page metadata a news page declares about itself: headline, byline, publication time, outlet. */
export interface PageMetadata {
  title?: string;
  byline?: string;
  publishedAt?: string;
  siteName?: string;
  /** The page's canonical address (rel=canonical or og:url), when absolute. */
  url?: string;
  /** The JSON-LD articleBody, when the page declares one: the text for pages rendered by script. */
  articleBody?: string;
  /** Every form of the headline the page shows: og:title, JSON-LD headline, <h1>, <title>. */
  headlines?: string[];
}

type JsonRecord = Record<string, unknown>;

const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const folded = value.replace(/\s+/g, ' ').trim();
  return folded === '' ? undefined : folded;
};

/** Every <meta> content by its property, name or itemprop (lowercase), first one winning. */
function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const content = text(meta.getAttribute('content'));
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** Every JSON-LD object on the page, @graph members included. */
function jsonLdObjects(document: Document): JsonRecord[] {
  const found: JsonRecord[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as JsonRecord;
      found.push(record);
      if (record['@graph']) visit(record['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')));
    } catch {
      // A broken JSON-LD block is common and harmless: the meta tags still speak.
    }
  }
  return found;
}

const articleTypes = /Article|Posting|Report|NewsArticle|BlogPosting|WebPage/;

function typeOf(record: JsonRecord): string {
  const type = record['@type'];
  return Array.isArray(type) ? type.join(' ') : String(type ?? '');
}

function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') {
    const name = text((value as JsonRecord).name);
    return name ? [name] : [];
  }
  return [];
}

/** ISO 8601 for a parseable date; the original text when it cannot be parsed. */
export function normaliseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Drops an outlet suffix from a <title> ("Headline - Example News" -> "Headline"). */
function trimTitleSuffix(title: string): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+|\s+»\s+/);
  const first = parts[0]?.trim() ?? title;
  return parts.length > 1 && first.split(/\s+/).length >= 3 ? first : title;
}

const squash = (value: string): string => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** "Headline - Telegraph" -> "Headline" when the tail names the site itself. */
export function withoutSiteSuffix(title: string, siteName: string | undefined): string {
  const match = /^(.{12,}?)\s+[|–—-]\s+([^|–—-]{2,40})$/.exec(title);
  if (!match || !siteName) return title;
  const tail = squash(match[2]!);
  const site = squash(siteName);
  return tail && site && (site.includes(tail) || tail.includes(site)) ? match[1]!.trim() : title;
}

/**
 * Reads headline, byline, publication time and site name from meta tags, JSON-LD and <time>.
 * Returns only what the page declares; publishedAt is ISO 8601 when the page's date parses.
 */
export function readPageMetadata(document: Document): PageMetadata {
  const tags = metaTags(document);
  const metaContent = (...keys: string[]): string | undefined => keys.map((key) => tags.get(key.toLowerCase())).find(Boolean);
  const linked = jsonLdObjects(document);
  const article = linked.find((record) => articleTypes.test(typeOf(record)) && (record.headline || record.datePublished)) ?? linked[0];

  const title =
    metaContent('og:title', 'twitter:title', 'headline') ??
    text(article?.headline) ??
    text(document.querySelector('h1')?.textContent) ??
    (text(document.querySelector('title')?.textContent) ? trimTitleSuffix(text(document.querySelector('title')?.textContent)!) : undefined);

  const authors = article ? names(article.author) : [];
  const byline =
    (authors.length > 0 ? authors.join(', ') : undefined) ??
    metaContent('author', 'article:author', 'byl', 'dc.creator', 'sailthru.author') ??
    text(document.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]')?.textContent);

  const published =
    metaContent('article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date') ??
    text(article?.datePublished) ??
    text(document.querySelector('time[datetime]')?.getAttribute('datetime')) ??
    text(document.querySelector('time')?.textContent);

  const publisher = linked.flatMap((record) => names(record.publisher))[0];
  const siteName = metaContent('og:site_name') ?? publisher ?? metaContent('application-name');

  const canonical = text(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? metaContent('og:url');

  const headlines = [
    metaContent('og:title', 'twitter:title'),
    text(article?.headline),
    text(document.querySelector('h1')?.textContent),
    text(document.querySelector('title')?.textContent),
  ].filter((headline): headline is string => headline !== undefined);

  const metadata: PageMetadata = {};
  const articleBody = typeof article?.articleBody === 'string' ? article.articleBody.trim() : '';
  if (articleBody !== '') metadata.articleBody = articleBody;
  if (headlines.length > 0) metadata.headlines = [...new Set(headlines.flatMap((headline) => [headline, withoutSiteSuffix(headline, siteName)]))];
  if (title) metadata.title = withoutSiteSuffix(title, siteName);
  if (canonical && /^https?:\/\//i.test(canonical)) metadata.url = canonical;
  if (byline) metadata.byline = byline.replace(/^by\s+/i, '');
  const publishedAt = normaliseDate(published);
  if (publishedAt) metadata.publishedAt = publishedAt;
  if (siteName) metadata.siteName = siteName;
  return metadata;
}
