import { describe, expect, it } from 'vitest';
import { documentToArticle } from '../../src/ingest/extract/clean.ts';

// A page in the shape of today's news sites: cookie banner, site navigation, a header with
// byline and share tools, a captioned photo, body paragraphs in component wrappers with an ad
// label, newsletter sign-up, "Read more" link, related links and a contribution appeal
// between them, then comments and a footer.
const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Flood defences fail as river hits record level | Valley Herald</title>
<meta property="og:title" content="Flood defences fail as river hits record level">
<meta property="og:site_name" content="Valley Herald">
<meta property="article:published_time" content="2025-11-02T07:15:00+00:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Flood defences fail as river hits record level","author":[{"@type":"Person","name":"Ana Lopez"}],"publisher":{"@type":"Organization","name":"Valley Herald"}}</script>
</head><body>
<div id="onetrust-banner-sdk" class="cookie-banner"><p>We use cookies to give you the best experience. By continuing you agree to our cookie policy.</p><button>Accept all</button></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main id="main-content">
<article>
<header><h1>Flood defences fail as river hits record level</h1>
<p class="standfirst">Hundreds of homes evacuated overnight as water breaches barriers built in 2019</p>
<div class="byline">By <a href="/authors/ana">Ana Lopez</a>, Environment correspondent</div>
<time datetime="2025-11-02T07:15:00Z">2 November 2025</time>
<div class="share-tools"><a>Share on Facebook</a><a>Share on X</a><a>Copy link</a></div>
</header>
<figure><img src="a.jpg" alt=""><figcaption>Residents wade through the high street on Sunday morning. <span class="credit">Photograph: Tom Reed/PA</span></figcaption></figure>
<div class="article-body">
<div data-component="text-block"><p>Flood defences on the River Wend failed early on Sunday after the river rose to its highest level since records began, forcing the evacuation of hundreds of homes.</p></div>
<div data-component="text-block"><p>The Environment Agency said the barriers, completed in 2019 at a cost of £12m, had been overtopped shortly after 3am as heavy rain continued to fall across the catchment.</p></div>
<div class="ad-slot ad-slot--inline"><p>Advertisement</p></div>
<div data-component="text-block"><p>"We have never seen water move this fast," said Maria Jones, who runs a bakery on the high street. "By the time we had the sandbags out it was already at the door."</p></div>
<aside data-component="newsletter-signup" class="newsletter"><h3>Morning Briefing</h3><p>Get the day's top stories delivered to your inbox every morning.</p><form><input type="email"><button>Sign up</button></form></aside>
<div data-component="text-block"><p>Read more: <a href="/x">How the 2019 defences were designed</a></p></div>
<div data-component="text-block"><h2>Questions over design</h2><p>Engineers who worked on the scheme said it had been designed for a one-in-100-year flood, but that climate projections used at the time were now out of date.</p></div>
<div data-component="text-block"><p>The council has opened three rest centres and urged residents not to drive through flood water. More rain is forecast for Monday.</p></div>
<div class="related-content"><h3>Related</h3><ul><li><a href="/a">River levels: what the warnings mean</a></li><li><a href="/b">Insurers brace for claims</a></li></ul></div>
<div class="contributions-epic"><p>Valley Herald is independent and free to read. If you can, please support our local journalism with a contribution today.</p><a>Support us</a></div>
</div>
</article>
<section id="comments"><h2>42 comments</h2><p>Terrible news for the town, hope everyone is safe and well tonight.</p></section>
</main>
<footer><p>© 2025 Valley Herald. All rights reserved.</p><a>Privacy</a><a>Terms</a></footer>
</body></html>
`;

const article = documentToArticle({ id: 'modern', html: page });
const text = article.paragraphs.join('\n');

describe('extraction of a page shaped like a current news site', () => {
  it('keeps every body paragraph, the quote and the subheading', () => {
    expect(article.paragraphs).toEqual([
      expect.stringMatching(/^Flood defences on the River Wend failed/),
      expect.stringMatching(/^The Environment Agency said the barriers/),
      expect.stringMatching(/^"We have never seen water move this fast," said Maria Jones/),
      'Questions over design',
      expect.stringMatching(/^Engineers who worked on the scheme/),
      expect.stringMatching(/^The council has opened three rest centres/),
    ]);
  });

  it('leaves out cookie notice, navigation, share tools, caption, credit, ad label, newsletter, related links, appeal and comments', () => {
    for (const boilerplate of [
      'We use cookies', 'Home', 'Share on Facebook', 'Residents wade through', 'Photograph: Tom Reed/PA', 'Advertisement',
      'delivered to your inbox', 'How the 2019 defences were designed', 'Insurers brace for claims', 'please support our local journalism',
      '42 comments', 'hope everyone is safe', 'All rights reserved',
    ]) expect(text).not.toContain(boilerplate);
  });

  it('lists the boxes it took out of the article in removed', () => {
    const removed = article.removed.join('\n');
    for (const box of ['Advertisement', 'delivered to your inbox', 'Insurers brace for claims', 'please support our local journalism']) expect(removed).toContain(box);
  });

  it('reads headline, outlet, author and publication time', () => {
    expect(article).toMatchObject({
      title: 'Flood defences fail as river hits record level',
      source: 'Valley Herald',
      byline: 'Ana Lopez',
      publishedAt: '2025-11-02T07:15:00.000Z',
    });
  });
});
