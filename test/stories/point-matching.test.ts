import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import type { Analysis } from '../../src/analyze/types.ts';
import { documentToArticle } from '../../src/ingest/extract/clean.ts';
import { buildStory, type BuiltStory } from '../../src/stories/build-story.ts';
import { seedAnalyses } from './fixtures.ts';

function article(id: string, source: string, publishedAt: string, title: string, paragraphs: string[]): Analysis {
  return analyzeArticle(documentToArticle({ id, source, publishedAt, title, text: paragraphs.join('\n') }));
}

/** Every point a briefing of this story said, as the run ledger keeps them. */
function pointsOf(story: BuiltStory): string[] {
  return [...story.summary, ...story.agreed.map((a) => a.point), ...Object.values(story.onlyIn).flat(), ...story.new];
}

const gazette = article('t1-gazette', 'North Gazette', '2031-04-09T07:00:00Z', 'Kovale to meet Brandvold in Geneva as grain talks stall', [
  'Foreign Minister Anna Kovale is scheduled to meet Trade Minister Piet Brandvold on Wednesday in Geneva to discuss the stalled grain accord.',
  'Kovale and Brandvold last met in March on the sidelines of a Nordic Council summit in Oslo.',
  'The grain accord expired two weeks ago after a dispute over port fees.',
  'Farm groups in both countries have urged the ministers to restore the shipments before the harvest.',
]);

const herald = article('t1-herald', 'South Herald', '2031-04-09T09:00:00Z', 'Kovale and Brandvold hold grain talks in Geneva', [
  'Anna Kovale will hold talks with Piet Brandvold in Geneva on Wednesday, officials said, as exporters wait for the grain accord to resume.',
  'The expired grain accord let cargo ships carry wheat through three ports.',
  'Exporters said warehouses were filling up as the ships stayed in harbour.',
  'A ministry spokesman declined to say what Kovale would offer.',
]);

const followUp = article('t1-lakewire', 'Lake Wire', '2031-04-10T08:00:00Z', 'Kovale and Brandvold agree to revive grain accord', [
  'Anna Kovale and Piet Brandvold agreed on Thursday to revive the grain accord after their meeting in Geneva.',
  'Kovale told reporters the meeting with Brandvold had been useful and that the first ships would sail within ten days.',
  'Both ministers said port fees would be cut by half under the revived deal.',
]);

const sourcesOf = (story: BuiltStory, pattern: RegExp): string[][] => story.agreed.filter((a) => pattern.test(a.point)).map((a) => a.sources);

describe('points matched by what happened, not by who', () => {
  const before = buildStory([gazette, herald]);
  const after = buildStory([gazette, herald, followUp], { previousPoints: pointsOf(before) });

  it('GIVEN two outlets announcing the same meeting in their own words THEN the meeting is one agreed point of both', () => {
    const announced = before.agreed.find((a) => /Kovale/.test(a.point) && /Brandvold/.test(a.point) && /Wednesday/.test(a.point));
    expect(announced?.sources.sort()).toEqual(['North Gazette', 'South Herald']);
  });

  it('GIVEN a follow-up saying the ministers agreed on Thursday WHEN the others only announced a Wednesday meeting THEN no outlet is said to agree with it', () => {
    for (const sources of sourcesOf(after, /agreed on Thursday|revive/)) expect(sources).toEqual(['Lake Wire']);
    // Told after the last briefing, the follow-up's news is listed as new (and only there).
    expect([...after.new, ...(after.onlyIn['Lake Wire'] ?? [])].some((p) => /revive|useful/.test(p))).toBe(true);
    for (const agreed of after.agreed) {
      if (agreed.sources.includes('Lake Wire')) expect(agreed.point).not.toMatch(/Wednesday|revive|Thursday/);
    }
  });

  it('GIVEN an earlier meeting in March that only one outlet recalls WHEN another outlet names the same two people and a meeting THEN the March meeting is not agreed', () => {
    expect(after.agreed.some((a) => /March|Nordic/.test(a.point))).toBe(false);
    // The summary owns its sentences; a point it shows is not listed again under "only in".
    expect([...after.summary, ...(after.onlyIn['North Gazette'] ?? [])].some((p) => /March/.test(p))).toBe(true);
  });

  it('GIVEN a follow-up article WHEN the next briefing is built THEN its news is under new, first', () => {
    expect(after.new.slice(0, 2).some((p) => /agreed on Thursday to revive/.test(p))).toBe(true);
    expect(after.new.some((p) => /first ships would sail/.test(p))).toBe(true);
    const previous = new Set(pointsOf(before));
    for (const point of after.new) expect(previous.has(point)).toBe(false);
  });

  it('GIVEN nothing published since the last briefing WHEN it is built again THEN new lists nothing it already said', () => {
    const again = buildStory([gazette, herald], { previousPoints: pointsOf(before) });
    const previous = new Set(pointsOf(before));
    for (const point of again.new) expect(previous.has(point)).toBe(false);
  });
});

describe('figures and times tell two facts apart', () => {
  const ledger = article('t2-ledger', 'Valley Ledger', '2031-06-02T07:00:00Z', 'Orvane mill to cut 420 jobs', [
    'The Orvane paper mill in Halden will cut 420 jobs by December, its owner Tessa Lind said on Monday.',
    'Lind said the mill had lost money for three years as demand for newsprint fell.',
    'The union called the decision a betrayal of the town.',
  ]);
  const courier = article('t2-courier', 'Harbor Courier', '2031-06-02T10:00:00Z', 'Halden mill owner announces job cuts', [
    'Tessa Lind, who owns the Orvane mill in Halden, said on Monday that 420 jobs would be cut by December.',
    'Lind said in 2029 that the mill would cut 150 jobs, a plan later dropped.',
    'Union leaders said they would meet Lind next week.',
  ]);
  const story = buildStory([ledger, courier]);

  it('GIVEN two outlets reporting the same 420 job cuts THEN the cuts are agreed by both', () => {
    expect(sourcesOf(story, /420/).some((sources) => sources.length === 2)).toBe(true);
  });

  it('GIVEN an older plan for 150 job cuts in one outlet THEN it is not agreed with the 420 cuts', () => {
    expect(story.agreed.some((a) => /150/.test(a.point))).toBe(false);
  });
});

describe('outlets that differ on a count or a date', () => {
  const times = article('t3-times', 'Coast Times', '2031-08-14T06:00:00Z', 'Flash floods hit Marrow Valley', [
    'Flash floods in Marrow Valley killed 14 people on Aug. 12, the regional governor Ilse Varga said.',
    'Varga said rescue teams were still searching the riverbanks near the town of Edda.',
    'The regional weather office had warned of heavy rain for three days.',
  ]);
  const post = article('t3-post', 'Inland Post', '2031-08-14T08:00:00Z', 'Marrow Valley floods: rescuers search riverbanks', [
    'Flash floods in Marrow Valley killed 17 people on Aug. 13, according to the regional governor Ilse Varga.',
    'Rescue teams were searching the riverbanks near Edda, Varga said.',
    'Roads into the valley remained closed on Wednesday.',
  ]);
  const story = buildStory([times, post]);

  it('GIVEN two outlets giving different death tolls on different days THEN neither toll is agreed', () => {
    expect(story.agreed.some((a) => /killed 1[47]/.test(a.point))).toBe(false);
  });

  it('GIVEN both outlets saying rescuers search the riverbanks THEN that is agreed', () => {
    expect(sourcesOf(story, /riverbanks/).some((sources) => sources.length === 2)).toBe(true);
  });
});

describe('the seed story and a follow-up', () => {
  const followUp = article('003_followup', 'Example Wire', '2025-09-25T09:00:00Z', 'Lavrov and Rubio agree to keep talking after UN meeting', [
    'Russian Foreign Minister Sergey Lavrov and U.S. Secretary of State Marco Rubio agreed on Thursday to keep talking after their meeting at the United Nations General Assembly in New York.',
    'Lavrov told reporters the meeting with Rubio had been useful and that a new round of contacts would follow within weeks.',
    '"We agreed that our teams will stay in touch," Lavrov said.',
  ]);
  const first = buildStory(seedAnalyses());
  const second = buildStory([...seedAnalyses(), followUp], { previousPoints: pointsOf(first) });

  it('GIVEN a follow-up that the meeting took place WHEN the seeds only say it is scheduled THEN the follow-up is not agreed by News.Az or The Moscow Times', () => {
    for (const agreed of second.agreed) {
      if (agreed.sources.includes('Example Wire')) expect(agreed.point).not.toMatch(/keep talking|Thursday|scheduled/);
    }
  });

  it('GIVEN a third outlet naming Rubio, Lavrov and a meeting THEN the July ASEAN meeting stays only in News.Az', () => {
    expect(second.agreed.some((a) => /ASEAN|July/.test(a.point))).toBe(false);
    expect([...second.summary, ...(second.onlyIn['News.Az'] ?? [])].some((p) => /ASEAN/.test(p))).toBe(true);
  });

  it('GIVEN a follow-up article WHEN the next briefing is built THEN its news is under new', () => {
    expect(second.new[0]).toMatch(/keep talking/);
    expect(second.new.some((p) => /new round of contacts/.test(p))).toBe(true);
  });

  it('GIVEN the follow-up THEN the seed checks still hold: Rubio and Lavrov agreed, Moldova only in The Moscow Times', () => {
    expect(second.agreed.some((a) => /Rubio/.test(a.point) && /Lavrov/.test(a.point) && a.sources.includes('News.Az') && a.sources.includes('The Moscow Times'))).toBe(
      true,
    );
    expect(second.onlyIn['The Moscow Times']?.some((p) => /Moldova/.test(p))).toBe(true);
  });
});
