/**
 * Finds the feeds an HTML page advertises (`<link rel="alternate" type="application/rss+xml">`),
 * so an operator who gives a site's home page can be told which address to add instead.
 */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);
    if (!/\balternate\b/i.test(attribute('rel') ?? '')) continue;
    if (!/(rss|atom|rdf)\+xml|\/xml/i.test(attribute('type') ?? '')) continue;
    const href = attribute('href');
    if (!href) continue;
    try {
      const absolute = new URL(href.replace(/&amp;/g, '&'), pageUrl).href;
      if (!found.includes(absolute)) found.push(absolute);
    } catch {
      // An unusable href is no feed.
    }
  }
  return found;
}
