import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/ingest/feeds/canonical-url.ts';

describe('canonical article URLs', () => {
  it('GIVEN tracking parameters, a fragment and an upper-case host THEN they are dropped or folded', () => {
    expect(canonicalUrl('https://News.Example.COM/world/story-1?utm_source=rss&utm_medium=feed&fbclid=abc&gclid=x#comments')).toBe(
      'https://news.example.com/world/story-1',
    );
  });

  it('GIVEN parameters that choose the article THEN they are kept, in a stable order', () => {
    expect(canonicalUrl('http://example.org/read.php?id=42&page=2&utm_campaign=x')).toBe('http://example.org/read.php?id=42&page=2');
    expect(canonicalUrl('http://example.org/read.php?page=2&id=42')).toBe(canonicalUrl('http://example.org/read.php?id=42&page=2'));
  });

  it('GIVEN a default port or a trailing slash THEN both spellings meet', () => {
    expect(canonicalUrl('https://example.org:443/a/b/')).toBe('https://example.org/a/b');
    expect(canonicalUrl('https://example.org/')).toBe('https://example.org/');
  });

  it('GIVEN two different articles THEN they stay different', () => {
    expect(canonicalUrl('https://example.org/a?id=1')).not.toBe(canonicalUrl('https://example.org/a?id=2'));
    expect(canonicalUrl('https://example.org/a')).not.toBe(canonicalUrl('http://example.org/a/b'));
  });

  it('GIVEN something that is not an absolute URL THEN it throws', () => {
    expect(() => canonicalUrl('/relative/path')).toThrow(TypeError);
  });
});
