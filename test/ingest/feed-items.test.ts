import { describe, expect, it } from 'vitest';
import { feedItemToDocument, isTeaser, itemId, plainTitle, withoutReadMore } from '../../src/ingest/feeds/items.ts';

const long = '<p>' + 'The committee met on Tuesday and agreed on the plan. '.repeat(20) + '</p>';

describe('feed items', () => {
  it.each([
    ['<p>The minister resigned on Friday after...</p>', true],
    ['<p>The minister resigned on Friday after a long dispute…</p>', true],
    ['<p>Short news. <a href="/x">Read more</a></p>', true],
    ['<p>Something happened. Continue reading &raquo;</p>', true],
    ['', true],
    [long, false],
  ])('GIVEN %s THEN teaser is %s', (html, teaser) => {
    expect(isTeaser(html)).toBe(teaser);
  });

  it('GIVEN a long item that ends in a sentence THEN it is not a teaser even with an ellipsis inside', () => {
    expect(isTeaser(long.replace('Tuesday', 'Tuesday...'))).toBe(false);
  });

  it('GIVEN a teaser with a read-more link THEN the link goes and the sentence stays', () => {
    expect(withoutReadMore('<p>The bridge reopens. <a href="/bridge">Read more »</a></p>')).toBe('<p>The bridge reopens. </p>');
    expect(withoutReadMore('<p>No link here.</p>')).toBe('<p>No link here.</p>');
  });

  it('GIVEN guids of different kinds THEN only globally unique ones become the id', () => {
    expect(itemId({ guid: 'https://example.org/a', link: 'https://example.org/a?x' })).toBe('https://example.org/a');
    expect(itemId({ guid: 'tag:example.org,2026:1', link: 'https://example.org/a' })).toBe('tag:example.org,2026:1');
    expect(itemId({ guid: '4956764', link: 'https://example.org/b' })).toBe('https://example.org/b');
    expect(itemId({ guid: '4956764' })).toBe('4956764');
  });

  it('GIVEN a title with markup THEN the plain words remain', () => {
    expect(plainTitle('Report on <b>Slack</b> &amp; Teams')).toBe('Report on Slack & Teams');
  });

  it('GIVEN an aggregated item naming its outlet THEN that outlet is the source, not the aggregator', async () => {
    const { parseFeedText } = await import('../../src/ingest/feeds/parse.ts');
    const feed = await parseFeedText(
      '<rss version="2.0"><channel><title>Wire</title><item><title>A</title><link>http://example.org/a</link><source url="http://herald.example/rss">The Herald</source></item><item><title>B</title><link>http://example.org/b</link></item></channel></rss>',
      'wire.xml',
    );
    const now = new Date('2026-11-20T12:00:00Z');
    expect(feed.items.map((item, index) => feedItemToDocument(item, feed, { feedName: 'wire.xml', index, now }).source)).toEqual(['The Herald', 'Wire']);
  });

  it('GIVEN an item dated in the future THEN the document is dated at fetch time', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const raw = feedItemToDocument({ guid: 'urn:x:1', title: 'T', publishedAt: '2027-01-01T00:00:00.000Z', html: long }, { title: 'Feed' }, { feedName: 'f', index: 0, now });
    expect(raw.publishedAt).toBe('2026-11-20T12:00:00.000Z');
    expect(raw.source).toBe('Feed');
  });
});
