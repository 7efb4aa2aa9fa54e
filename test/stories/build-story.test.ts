import { describe, expect, it } from 'vitest';
import { buildStory } from '../../src/stories/build-story.ts';
import { independentReports } from '../../src/stories/cluster/syndication.ts';
import { pick, seedAnalyses } from './fixtures.ts';

const hasWord = (text: string, word: string): boolean => new RegExp(`\\b${word}\\b`, 'i').test(text);

describe('buildStory on the seed articles', () => {
  const story = buildStory(seedAnalyses());

  it('GIVEN both outlets report the meeting THEN an agreed point names Rubio and Lavrov and lists both sources', () => {
    const point = story.agreed.find((p) => hasWord(p.point, 'Rubio') && hasWord(p.point, 'Lavrov'));
    expect(point?.sources.sort()).toEqual(['News.Az', 'The Moscow Times']);
  });

  it('GIVEN only one outlet writes about Moldova or ASEAN THEN those points are under that outlet, never agreed', () => {
    expect(story.onlyIn['The Moscow Times']?.some((p) => hasWord(p, 'Moldova'))).toBe(true);
    expect(story.onlyIn['News.Az']?.some((p) => hasWord(p, 'ASEAN'))).toBe(true);
    expect(story.agreed.some((p) => hasWord(p.point, 'Moldova') || hasWord(p.point, 'ASEAN'))).toBe(false);
  });

  it('GIVEN two spellings of one person THEN the story lists one person carrying both', () => {
    const forms = (surname: string): string[] => {
      const person = story.people.find((p) => [p.name, ...p.aliases].some((f) => f.includes(surname)));
      return person === undefined ? [] : [person.name, ...person.aliases];
    };
    expect(forms('Zelensk').join(' ')).toMatch(/Zelenskyy\b/);
    expect(forms('Zelensk').join(' ')).toMatch(/Zelensky\b/);
    expect(forms('Lavrov').join(' ')).toMatch(/Sergey/);
    expect(forms('Lavrov').join(' ')).toMatch(/Sergei/);
    expect(story.people.filter((p) => /Zelensk/.test(p.name))).toHaveLength(1);
  });

  it('GIVEN a caption, a donation appeal and quoted speech THEN none of them is a summary line', () => {
    expect(story.summary.length).toBeGreaterThanOrEqual(2);
    expect(story.summary.length).toBeLessThanOrEqual(3);
    for (const line of story.summary) {
      expect(line).not.toMatch(/\(\d+(st|nd|rd|th) [LR]\)|TASS|support us|newsletter/i);
      expect(line.startsWith('"') || line.startsWith('\u201c')).toBe(false);
    }
  });

  it('GIVEN quotes in both articles THEN the notable quotes carry a speaker and an outlet', () => {
    expect(story.quotes.length).toBeGreaterThan(0);
    for (const quote of story.quotes) {
      expect(quote.speaker.length).toBeGreaterThan(0);
      expect(['News.Az', 'The Moscow Times']).toContain(quote.source);
    }
  });
});

describe('syndicated copies', () => {
  it('GIVEN a wire story republished under a second outlet THEN both are one report', () => {
    expect(independentReports(pick(['e3-wire', 'e3-coastline', 'e3-post']))).toEqual([0, 0, 1]);
  });

  it('GIVEN only the wire story and its copy THEN nothing counts as agreed by independent sources', () => {
    const story = buildStory(pick(['e3-wire', 'e3-coastline']));
    expect(story.independentSources).toBe(1);
    expect(story.agreed).toEqual([]);
    expect(story.syndicated).toEqual({ 'Coastline Daily': 'Metro Wire' });
  });

  it('GIVEN the copy beside two independent reports THEN the story counts three independent sources', () => {
    const story = buildStory(pick(['e3-wire', 'e3-coastline', 'e3-post', 'e3-dispatch']));
    expect(story.independentSources).toBe(3);
    expect(story.articles).toHaveLength(4);
  });
});

describe('points across outlets', () => {
  const story = buildStory(pick(['e4a-courier', 'e4a-wire', 'e4a-ledger']));

  it('GIVEN three outlets reporting the recall in their own words THEN the recall is an agreed point', () => {
    expect(story.agreed.some((p) => p.point.includes('120,000') && p.sources.length >= 2)).toBe(true);
  });

  it('GIVEN a lawsuit only one outlet reports THEN it is listed only under that outlet', () => {
    expect(story.onlyIn['Valley Ledger']?.some((p) => /lawsuit/.test(p))).toBe(true);
    expect(story.agreed.some((p) => /lawsuit/.test(p.point))).toBe(false);
  });

  it('GIVEN the same first article THEN the story id is the same whatever order the cluster comes in', () => {
    const reversed = buildStory(pick(['e4a-ledger', 'e4a-wire', 'e4a-courier']));
    expect(reversed.id).toBe(story.id);
  });
});

describe('one outlet alone', () => {
  it('GIVEN two reports by the same outlet THEN nothing is agreed and nothing is only in it', () => {
    const story = buildStory(pick(['e4a-wire', 'e4b-wire']));
    expect(story.agreed).toEqual([]);
    expect(story.onlyIn).toEqual({});
    expect(story.summary.length).toBeGreaterThanOrEqual(2);
  });
});
