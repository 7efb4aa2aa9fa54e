import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentToArticle } from '../../src/ingest/extract/clean.ts';
import { readDocumentFile } from '../../src/ingest/document-file.ts';
import { splitBoilerplate } from '../../src/ingest/extract/boilerplate.ts';

const seeds = '../shared/fixtures/seeds';
const gold = JSON.parse(readFileSync(`${seeds}/gold.json`, 'utf8')) as {
  articles: { file: string; mustNotContain: string[]; quotes: { starts: string }[] }[];
};
const words = (text: string): string => text.toLowerCase().replace(/['’]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const fold = (text: string): string => text.replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").toLowerCase();

describe('documentToArticle on the seed articles', () => {
  for (const seed of gold.articles) {
    it(`moves every boilerplate line of ${seed.file} from the text to removed`, () => {
      const article = documentToArticle(readDocumentFile(`${seeds}/${seed.file}`));
      const text = fold(article.paragraphs.join('\n\n'));
      const removed = fold(article.removed.join('\n'));
      for (const line of seed.mustNotContain) {
        expect(text).not.toContain(fold(line));
        expect(removed).toContain(fold(line));
      }
    });

    it(`keeps every quoted passage of ${seed.file} in the text`, () => {
      const article = documentToArticle(readDocumentFile(`${seeds}/${seed.file}`));
      const text = words(article.paragraphs.join(' '));
      expect(seed.quotes.length).toBeGreaterThan(3);
      for (const quote of seed.quotes) expect(text).toContain(words(quote.starts));
    });
  }

  it('removes the photo caption with its agency credit and keeps the short subheading', () => {
    const article = documentToArticle(readDocumentFile(`${seeds}/002_a7fd2f92f3b9b7ac.txt`));
    expect(article.removed.some((line) => line.endsWith('Ilya Yermakov / TASS'))).toBe(true);
    expect(article.paragraphs).toContain("'Big fat missiles'");
    expect(article.title).toBe("Rubio Urges Russia's Lavrov to Stop 'Killing' in Ukraine");
  });

  it('drops the headline when the JSON text repeats it', () => {
    const article = documentToArticle(readDocumentFile(`${seeds}/articles/002_a7fd2f92f3b9b7ac.json`));
    expect(article.source).toBe('The Moscow Times');
    expect(article.paragraphs).not.toContain(article.title);
    expect(article.removed).toContain(article.title);
  });
});

describe('documentToArticle source', () => {
  const page = (head: string) => `<html><head>${head}</head><body><article>${'<p>The council voted on the budget after a long debate about schools and roads in the district.</p>'.repeat(8)}</article></body></html>`;

  it('prefers the source given with the document', () => {
    expect(documentToArticle({ id: 'a', source: 'Given', html: page('<meta property="og:site_name" content="Site">') }).source).toBe('Given');
  });

  it("falls back to the page's og:site_name, then the URL host, then unknown", () => {
    expect(documentToArticle({ id: 'a', html: page('<meta property="og:site_name" content="Example Times">') }).source).toBe('Example Times');
    expect(documentToArticle({ id: 'a', url: 'https://www.example.org/x', html: page('') }).source).toBe('example.org');
    expect(documentToArticle({ id: 'a', title: 'T', text: 'Just text.' }).source).toBe('unknown');
  });
});

describe('splitBoilerplate', () => {
  it('removes newsletter, share, related and cookie lines but keeps ordinary sentences about the same words', () => {
    const { kept, removed } = splitBoilerplate([
      'The senator said the plan would be shared with local councils next week.',
      'Sign up for our morning briefing newsletter',
      'Get the best stories delivered to your inbox every morning with our newsletter.',
      'Share this article',
      'Related: Five things to know about the budget',
      'We use cookies to improve your experience on our site.',
      'Photo: Jane Doe/Reuters',
      'By JANE DOE',
      'Supporters of the bill rallied outside the statehouse on Tuesday.',
      'Advertisement',
      'The vote is expected later this month.',
    ]);
    expect(kept).toEqual([
      'The senator said the plan would be shared with local councils next week.',
      'Supporters of the bill rallied outside the statehouse on Tuesday.',
      'The vote is expected later this month.',
    ]);
    expect(removed).toHaveLength(8);
  });

  it('removes a closing donation appeal with its buttons but not a mid-article quote about support', () => {
    const body = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} of the report describes what happened in the city on Friday.`);
    const { kept, removed } = splitBoilerplate([
      ...body,
      '"We need your support to rebuild," the mayor said on Friday.',
      'Before you go',
      'Our reporters work hard to bring you the facts. Your contribution keeps our journalism free for everyone.',
      'Give monthly',
      'Give once',
    ]);
    expect(kept).toEqual([...body, '"We need your support to rebuild," the mayor said on Friday.']);
    expect(removed).toEqual(['Before you go', 'Our reporters work hard to bring you the facts. Your contribution keeps our journalism free for everyone.', 'Give monthly', 'Give once']);
  });

  it('cuts a trailing "Read more" link and a feed footer off a teaser, keeping its sentences', () => {
    const { kept, removed } = splitBoilerplate([
      'The mayor resigned on Friday after a week of protests. Read more »',
      'Residents said they wanted to see more',
      'The post Mayor resigns appeared first on Example News.',
    ]);
    expect(kept).toEqual(['The mayor resigned on Friday after a week of protests.', 'Residents said they wanted to see more']);
    expect(removed).toEqual(['Read more »', 'The post Mayor resigns appeared first on Example News.']);
  });

  it('removes time stamps, bare numbers and a label repeated down the page', () => {
    const { kept } = splitBoilerplate([
      'JAKARTA Tue Dec 30, 2014 9:21am IST',
      'Weather threatens holiday plans',
      'Rain is expected across the region on Thursday, forecasters said.',
      'Weather threatens holiday plans',
      '11',
      'Weather threatens holiday plans',
      'Airports reported few delays by the evening.',
    ]);
    expect(kept).toEqual(['Rain is expected across the region on Thursday, forecasters said.', 'Airports reported few delays by the evening.']);
  });

  it('removes an appeal to the reader to fund journalism but keeps news about funding the press', () => {
    const news = 'Foreign donors contributed $5m to support independent media in the region, the ministry said.';
    const appeal = 'If you value our reporting, please consider a contribution to support independent journalism.';
    const { kept, removed } = splitBoilerplate([news, 'The grants run for three years.', appeal, 'Officials will review the program in 2027.']);
    expect(kept).toEqual([news, 'The grants run for three years.', 'Officials will review the program in 2027.']);
    expect(removed).toEqual([appeal]);
  });

  it('keeps a sentence that merely starts like a link-box heading', () => {
    const line = 'Most popular among voters was the promise to cut fares.';
    expect(splitBoilerplate([line, 'Related stories', 'The vote is on Friday.']).kept).toEqual([line, 'The vote is on Friday.']);
  });

  it('drops the teasers under a closing "More from" heading but not the article before it', () => {
    const body = Array.from({ length: 8 }, (_, i) => `Paragraph ${i} tells the story of the flood and the long clean-up that followed it in the valley towns.`);
    const { kept, removed } = splitBoilerplate([...body, 'More from Example News', 'Bridge closed after storm', 'Council votes on flood defences', 'Five pictures of the week']);
    expect(kept).toEqual(body);
    expect(removed).toEqual(['More from Example News', 'Bridge closed after storm', 'Council votes on flood defences', 'Five pictures of the week']);
  });

});

describe('splitBoilerplate captions', () => {
  it('removes photo captions by their credit, whatever the agency or style', () => {
    const captions = [
      'The president waves to supporters in Ohio on Tuesday. (AP Photo/Evan Vucci)',
      'Firefighters battle the blaze on Sunday. REUTERS/Kevin Lamarque',
      'Residents wade through the high street. Photograph: Tom Reed/PA',
      'A new bill would require providers to store metadata. Source: Supplied',
      'The minister (2nd R) at the summit in Brussels.',
      'Supporters gather outside the court. Jane Doe / AFP',
      'Illustration by Sam Lee',
    ];
    const sentence = 'The court will rule on the appeal next week, a spokesman said.';
    const { kept, removed } = splitBoilerplate([sentence, ...captions, 'The ruling is final.']);
    expect(kept).toEqual([sentence, 'The ruling is final.']);
    expect(removed).toEqual(captions);
  });
});

describe('splitBoilerplate paywall and footer lines', () => {
  it('removes paywall prompts, app and alert prompts, copyright and tag lines', () => {
    const lines = [
      'Subscribe to continue reading',
      'Already a subscriber? Sign in',
      "You've reached your limit of free articles this month.",
      'Download the app for the latest news',
      'Get breaking news alerts on your phone',
      'Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
      'Topics: Floods, Weather, Wales',
      'Advertisement - scroll to continue',
      'VIDEO: Rescue teams reach the village',
    ];
    const body = ['Rescue teams reached the village on Tuesday.', 'Get well messages poured in from across the country, the family said.'];
    const { kept, removed } = splitBoilerplate([body[0]!, ...lines, body[1]!, 'The road reopens on Friday.']);
    expect(kept).toEqual([...body, 'The road reopens on Friday.']);
    expect(removed).toEqual(lines);
  });
});

describe('splitBoilerplate headlines', () => {
  it("removes the page's own headline at the top even when the social headline differs", () => {
    const { kept, removed } = splitBoilerplate(
      ['Storm batters coast as thousands lose power', 'Thousands of homes lost power on Sunday as the storm hit the coast.'],
      { title: 'Storm: thousands without power', headlines: ['Storm batters coast as thousands lose power'] },
    );
    expect(kept).toEqual(['Thousands of homes lost power on Sunday as the storm hit the coast.']);
    expect(removed).toEqual(['Storm batters coast as thousands lose power']);
  });
});

describe('documentToArticle on plain text', () => {
  it('joins a hard-wrapped paragraph but keeps one paragraph per line elsewhere', () => {
    const text = 'The council voted on Monday to approve a new budget that\nraises spending on schools and roads, officials said after a\nlong debate.\n\n"This is a good day," the mayor said.\nThe vote was 7-2.';
    expect(documentToArticle({ id: 'wrapped', title: 'Budget', text }).paragraphs).toEqual([
      'The council voted on Monday to approve a new budget that raises spending on schools and roads, officials said after a long debate.',
      '"This is a good day," the mayor said.',
      'The vote was 7-2.',
    ]);
  });

  it('takes soft hyphens and zero-width marks out of words', () => {
    expect(documentToArticle({ id: 'soft', title: 'T', text: 'President Zelen\u00adsky spoke to\u200b reporters.' }).paragraphs).toEqual(['President Zelensky spoke to reporters.']);
  });

  it('keeps a quoted appeal that somebody made', () => {
    const line = '"Please support us and donate to the relief fund," the mayor told residents on Friday.';
    expect(splitBoilerplate(['The flood hit the town on Thursday.', line, 'Donations have topped $1m.']).kept).toContain(line);
  });
});
