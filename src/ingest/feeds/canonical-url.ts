/**
 * One spelling per article address, so the same article reached through a newsletter link, a
 * social share or a feed is recognised as one.
 */

// Parameters that only say who sent the reader; they never change which article is shown.
const trackingParams = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wt_mc',
  'wt.mc_id',
  'cmpid',
  'ocid',
  'ncid',
  'smid',
  'sr_share',
  'at_medium',
  'at_campaign',
  'ito',
  'ref_src',
  'rss',
  'ftag',
  'spm',
]);

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || key.startsWith('pk_') || key.startsWith('mtm_') || trackingParams.has(key);
}

/**
 * Returns the canonical form of an article URL: scheme and host lowercased, default port,
 * `www.` kept (sites differ on it), fragment dropped, tracking parameters (utm_*, fbclid,
 * gclid and similar) removed and the remaining ones sorted, and a trailing slash on a
 * non-root path removed. Throws TypeError when `url` is not an absolute URL.
 */
export function canonicalUrl(url: string): string {
  const parsed = new URL(url.trim());
  parsed.hash = '';
  parsed.hostname = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if ((parsed.protocol === 'http:' && parsed.port === '80') || (parsed.protocol === 'https:' && parsed.port === '443')) parsed.port = '';
  const kept = [...parsed.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = kept.length > 0 ? '?' + new URLSearchParams(kept).toString() : '';
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) parsed.pathname = parsed.pathname.replace(/\/+$/, '');
  return parsed.href;
}
