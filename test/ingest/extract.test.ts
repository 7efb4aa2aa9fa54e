import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { documentToArticle } from '../../src/ingest/extract/clean.ts';
import { densestTextBlock } from '../../src/ingest/extract/fallback.ts';
import { extractHtml } from '../../src/ingest/extract/html.ts';
import { extractionTokens, scoreExtraction, tokenOverlap } from '../../src/eval/extraction-score.ts';

const pages = '../shared/fixtures/pages';

describe('extractHtml on a real news page', () => {
  it('reads headline, byline, publication time and site name from the page metadata', () => {
    const page = extractHtml(readFileSync(`${pages}/readability/bbc-1/source.html`, 'utf8'));
    expect(page.title).toMatch(/Obama/);
    expect(page.siteName).toBe('BBC News');
    expect(page.publishedAt).toMatch(/^2015-07-2\dT/);
  });
});

const body = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1}: the regional council met on Thursday to debate the new transport plan, which would add bus lanes and cut fares for students across the district.</p>`).join('\n');

describe('extractHtml on a constructed page', () => {
  const html = `<!DOCTYPE html><html><head>
    <title>Council backs transport plan - Example Post</title>
    <meta property="og:site_name" content="Example Post">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council backs transport plan","datePublished":"2025-03-04T05:06:07Z","author":{"@type":"Person","name":"Jane Doe"}}</script>
    </head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
    <article>
      <h1>Council backs transport plan</h1>
      <figure><img src="bus.jpg"><figcaption>A bus in the city centre. Photo: John Roe/Example Post</figcaption></figure>
      ${body(3)}
      <div class="newsletter-signup"><p>Sign up for our daily newsletter and get the news in your inbox every morning.</p></div>
      ${body(3).replaceAll('Paragraph', 'Section')}
      <aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Fares rise again</a></li><li><a href="/b">New tram line opens</a></li></ul></aside>
      <p>"This is a good day for the city," the mayor said after the vote.</p>
      <div class="donate-box"><p>Support independent journalism: donate today and keep our reporting free.</p></div>
    </article>
    <footer><p>Copyright Example Post. All rights reserved.</p></footer>
    </body></html>`;

  it('keeps every body paragraph and the closing quote', () => {
    const article = documentToArticle({ id: 'page', html });
    expect(article.paragraphs.filter((p) => /^(Paragraph|Section) \d/.test(p))).toHaveLength(6);
    expect(article.paragraphs).toContain('"This is a good day for the city," the mayor said after the vote.');
  });

  it('moves the caption, newsletter box, related links and donation appeal to removed', () => {
    const article = documentToArticle({ id: 'page', html });
    const text = article.paragraphs.join('\n');
    for (const boilerplate of ['A bus in the city centre', 'Sign up for our daily newsletter', 'Fares rise again', 'Support independent journalism']) {
      expect(text).not.toContain(boilerplate);
      expect(article.removed.join('\n')).toContain(boilerplate);
    }
  });

  it('keeps the headline out of the body and reads the metadata', () => {
    const article = documentToArticle({ id: 'page', html });
    expect(article.title).toBe('Council backs transport plan');
    expect(article.paragraphs).not.toContain('Council backs transport plan');
    expect(article).toMatchObject({ source: 'Example Post', byline: 'Jane Doe', publishedAt: '2025-03-04T05:06:07.000Z' });
  });

  it('falls back to the densest block of paragraphs when the page is mostly links', () => {
    const links = Array.from({ length: 60 }, (_, i) => `<li><a href="/s${i}">Story number ${i} about something else entirely</a></li>`).join('');
    const page = `<html><body><ul>${links}</ul><div id="x"><p>The bridge reopened on Monday after two years of repairs that cost the city far more than planned.</p><p>Engineers said the new deck would last for at least fifty years if maintained.</p></div><ul>${links}</ul></body></html>`;
    const article = documentToArticle({ id: 'short', html: page });
    expect(article.paragraphs.join(' ')).toContain('The bridge reopened on Monday');
    expect(article.paragraphs.join(' ')).not.toContain('Story number 3 about');
  });

  it('drops paragraphs and list items that are nothing but a link to another story', () => {
    const page = `<html><body><article>${body(5)}<p><a href="/other">Five things we learned from the council meeting</a></p><ul><li><a href="/a">Fares rise again</a></li></ul><p>The plan goes to a <a href="/vote">final vote</a> next month, officials said.</p></article></body></html>`;
    const article = documentToArticle({ id: 'links', html: page });
    expect(article.paragraphs).toContain('The plan goes to a final vote next month, officials said.');
    expect(article.paragraphs.join('\n')).not.toMatch(/Five things we learned|Fares rise again/);
    expect(article.removed).toContain('Five things we learned from the council meeting');
  });
});

describe('extractHtml with a long comment thread', () => {
  it('keeps a short article whose container also carries a share class, and drops the comments', () => {
    const comments = Array.from({ length: 20 }, (_, i) => `<div class="comment"><p>Comment ${i}: I have lived here for thirty years and never seen the council act this quickly on anything at all, frankly.</p></div>`).join('');
    const page = `<html><body><div class="article-content share-enabled">${body(3)}</div><section class="comments-list">${comments}</section></body></html>`;
    const article = documentToArticle({ id: 'thread', html: page });
    expect(article.paragraphs.filter((p) => p.startsWith('Paragraph'))).toHaveLength(3);
    expect(article.paragraphs.join(' ')).not.toContain('Comment 3:');
  });
});

describe('extractHtml on a blog-engine news page', () => {
  it('removes share and related-post boxes whose class words run together', () => {
    const page = `<html><body><div class="entry-content">${body(5)}<div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li>Facebook</li><li>X</li></ul></div><div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p>Council split over bus lanes as consultation closes early this week</p></div></div></body></html>`;
    const article = documentToArticle({ id: 'wp', html: page });
    expect(article.paragraphs).toHaveLength(5);
    expect(article.removed.join('\n')).toContain('Council split over bus lanes');
  });
});

describe('densestTextBlock', () => {
  it('takes the common parent when the body is split into one wrapper per paragraph', () => {
    const wrapped = Array.from({ length: 4 }, (_, i) => `<div class="block"><p>Wrapped paragraph ${i} describes the storm damage along the coast road in some detail.</p></div>`).join('');
    const { document } = parseHTML(`<html><body><nav><p>Menu</p></nav><main>${wrapped}</main></body></html>`);
    const block = densestTextBlock(document as unknown as Document);
    expect(block?.tagName.toLowerCase()).toBe('main');
  });
});

describe('extractHtml on a page rendered by script', () => {
  it('takes the text from the JSON-LD articleBody when the markup holds almost none', () => {
    const text = 'The dam held overnight, engineers said on Monday, after a week of record rain across the valley.\nResidents were allowed back into their homes by noon, and schools will reopen on Wednesday.\nThe regional government promised an inquiry into how the warnings were issued.';
    const page = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Dam holds', articleBody: text })}</script></head><body><div id="root"><p>Loading…</p></div></body></html>`;
    const article = documentToArticle({ id: 'spa', html: page });
    expect(article.paragraphs).toEqual(text.split('\n'));
    expect(article.title).toBe('Dam holds');
  });
});

describe('scoreExtraction', () => {
  it('tokenises as the benchmark does: accents and apostrophes dropped, soft hyphens invisible', () => {
    expect(extractionTokens('Don’t visit the CAFÉ—soft\u00adhyphen 2,000')).toEqual(['dont', 'visit', 'the', 'cafe', 'softhyphen', '2', '000']);
  });

  it('counts a repeated word only as often as the expected text has it', () => {
    const score = tokenOverlap('the cat sat', 'the the cat');
    expect(score.overlap).toBe(2);
    expect(score.precision).toBeCloseTo(2 / 3);
  });

  it('reaches a macro token F1 of at least 0.9 over every fixture page, in both sets', () => {
    const score = scoreExtraction(pages);
    const pagesWithExpectedText = ['newspaper', 'readability']
      .flatMap((set) => readdirSync(`${pages}/${set}`).map((page) => `${pages}/${set}/${page}`))
      .filter((dir) => existsSync(`${dir}/source.html`) && (existsSync(`${dir}/expected.html`) || existsSync(`${dir}/expected.txt`)));
    expect(score.pages).toBe(pagesWithExpectedText.length);
    expect(score.f1).toBeGreaterThanOrEqual(0.9);
    for (const figures of Object.values(score.bySet)) expect(figures.f1).toBeGreaterThanOrEqual(0.9);
  });
});
