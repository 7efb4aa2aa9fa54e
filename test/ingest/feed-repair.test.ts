import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../src/ingest/feeds/parse.ts';
import { repairXml } from '../../src/ingest/feeds/repair.ts';

const item = (inner: string) => `<rss version="2.0"><channel><title>News</title><item>${inner}</item></channel></rss>`;

describe('repairing damaged feeds', () => {
  it('GIVEN a well-formed feed THEN nothing is repaired and it is not degraded', async () => {
    const feed = await parseFeedText(item('<title>A &amp; B</title><link>http://example.org/a</link>'), 'ok.xml');
    expect(feed.degraded).toBe(false);
    expect(feed.items[0]?.title).toBe('A & B');
    expect(repairXml(item('<title>x</title>')).repairs).toEqual([]);
  });

  it('GIVEN bare ampersands and HTML entities THEN they are escaped, CDATA left alone', async () => {
    const xml = item('<title>Tom &eacute; Jerry &mdash; live&nbsp;now</title><link>http://example.org/?a=1&b=2</link><description><![CDATA[<p>R&D & more</p>]]></description>');
    const feed = await parseFeedText(xml, 'entities.xml');
    expect(feed.degraded).toBe(true);
    expect(feed.items[0]?.title).toBe('Tom é Jerry — live\u00a0now');
    expect(feed.items[0]?.link).toBe('http://example.org/?a=1&b=2');
    expect(feed.items[0]?.html).toBe('<p>R&D & more</p>');
  });

  it('GIVEN control characters THEN they are removed and the items kept', async () => {
    const feed = await parseFeedText(item('<title>Bell\u0007 and\u0000 null</title><link>http://example.org/b</link>'), 'controls.xml');
    expect(feed.items[0]?.title).toBe('Bell and null');
  });

  it('GIVEN junk after the root element THEN it is dropped', async () => {
    const feed = await parseFeedText(item('<title>Kept</title>') + '\n<!-- cache 0.2s --><html>ad</html>', 'junk.xml');
    expect(feed.items[0]?.title).toBe('Kept');
    expect(feed.items).toHaveLength(1);
  });

  it('GIVEN a feed cut off inside its third item THEN the first two are recovered', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>One</title></item><item><title>Two</title></item><item><title>Thr`;
    const feed = await parseFeedText(xml, 'cut.xml');
    expect(feed.items.map((entry) => entry.title)).toEqual(['One', 'Two']);
    expect(feed.repairs).toContain('truncated document closed');
  });

  it('GIVEN markup damage no repair can mend THEN the items before it are kept', async () => {
    const xml = `<rss version="2.0"><channel><title>Mixed</title>
<item><title>Fine one</title><link>http://example.org/1</link></item>
<item><title>Fine two</title><link>http://example.org/2</link></item>
<item><title>Broken</title></link><link>http://example.org/3</item>
</channel></rss>`;
    const feed = await parseFeedText(xml, 'mixed.xml');
    expect(feed.degraded).toBe(true);
    expect(feed.items.map((entry) => entry.title)).toEqual(['Fine one', 'Fine two']);
    expect(feed.repairs).toContain('items after the damage dropped');
  });

  it('GIVEN a stray less-than sign in text THEN it becomes text', async () => {
    const feed = await parseFeedText(item('<title>Prices 3 < 4 and x <= y</title>'), 'lt.xml');
    expect(feed.items[0]?.title).toBe('Prices 3 < 4 and x <= y');
  });

  it('GIVEN HTML instead of a feed THEN the error names the input', async () => {
    await expect(parseFeedText('<html><body><p>Moved</p></body></html>', 'page.xml')).rejects.toThrow(/^page\.xml: not a feed \(neither RSS nor Atom\)$/);
  });

  it('GIVEN a JSON Feed THEN its items read like any other feed', async () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JSON News',
      home_page_url: 'https://json.example/',
      items: [
        { id: 'https://json.example/1', url: '/1', title: 'First', content_html: '<p>One</p>', date_published: '2026-11-19T10:00:00+01:00', authors: [{ name: 'Ada' }] },
        { id: 2, url: 'https://json.example/2', title: 'Second', content_text: 'Plain & simple.\n\nTwo paragraphs.' },
      ],
    });
    const feed = await parseFeedText(json, 'feed.json');
    expect(feed.title).toBe('JSON News');
    expect(feed.items[0]).toEqual({ guid: 'https://json.example/1', title: 'First', link: 'https://json.example/1', publishedAt: '2026-11-19T09:00:00.000Z', author: 'Ada', html: '<p>One</p>' });
    expect(feed.items[1]?.html).toBe('<p>Plain &amp; simple.</p><p>Two paragraphs.</p>');
    await expect(parseFeedText('{"a": 1}', 'other.json')).rejects.toThrow(/^other\.json: not a feed \(JSON, but not a JSON Feed\)$/);
  });

  it('GIVEN an empty document THEN the error names the input', async () => {
    await expect(parseFeedText('   ', 'empty.xml')).rejects.toThrow(/^empty\.xml: not a feed/);
  });
});
