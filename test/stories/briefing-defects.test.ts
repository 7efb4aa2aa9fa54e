import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import { splitSentences } from '../../src/analyze/sentences.ts';
import type { Analysis, Entity } from '../../src/analyze/types.ts';
import { buildDigest } from '../../src/digest/build.ts';
import { digestPoints } from '../../src/digest/points.ts';
import { documentToArticle } from '../../src/ingest/extract/clean.ts';
import { nonTextKind } from '../../src/ingest/document-file.ts';
import { briefingFromLedger } from '../../src/app/build-briefing.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import { buildStory, wholeQuote } from '../../src/stories/build-story.ts';
import { looksLikePersonName, mergeStoryPeople, sureRole } from '../../src/stories/people.ts';
import { standAlone, type NamedPerson } from '../../src/stories/standalone.ts';
import type { Story } from '../../src/stories/types.ts';

/** Invented articles in the shape of wire copy; none is taken from a fixture. */
function article(id: string, source: string, publishedAt: string, title: string, paragraphs: string[]): Analysis {
  return analyzeArticle(documentToArticle({ id, source, publishedAt, title, text: paragraphs.join('\n\n') }));
}

function shown(story: Story): string[] {
  return [...story.summary, ...story.agreed.map((a) => a.point), ...Object.values(story.onlyIn).flat(), ...story.new];
}

const harbourPost = article('d1-post', 'Harbour Post', '2032-02-03T07:00:00Z', 'Mayor Ilse Varga closes Old Bridge after inspectors find cracks', [
  'Mayor Ilse Varga closed the Old Bridge to traffic on Tuesday after inspectors found cracks in two of its steel supports.',
  'She told the council the bridge would stay shut until engineers had checked every support.',
  'But the closure will add about 20 minutes to the morning commute for 30,000 drivers, the transport office said.',
  'It took the city three years to find the money for the last repair.',
  'Engineers expect to finish their survey by the end of March, the mayor said.',
]);

const riverWire = article('d1-wire', 'River Wire', '2032-02-03T09:00:00Z', 'Old Bridge shut as cracks found in steel supports', [
  'The Old Bridge was closed to all traffic on Tuesday after city inspectors found cracks in two steel supports, Mayor Ilse Varga said.',
  'About 30,000 drivers cross the bridge each morning and will have to take the ring road instead.',
  'Bus routes 4 and 11 will be diverted over the Harbour Tunnel from Wednesday.',
  'Varga said the city would ask the regional government for emergency funds.',
]);

describe('a briefing that reads on its own (dangling openers)', () => {
  const people: NamedPerson[] = [{ short: 'Varga', forms: ['Ilse Varga', 'Varga'] }];

  it('GIVEN "She told the council…" after a sentence naming only Mayor Ilse Varga THEN it reads "Varga told the council…"', () => {
    expect(standAlone('She told the council the bridge would stay shut.', 'Mayor Ilse Varga closed the Old Bridge on Tuesday.', people)).toBe(
      'Varga told the council the bridge would stay shut.',
    );
  });

  it('GIVEN "He added…" after a sentence naming two people THEN the antecedent is not sure and the sentence is not chosen', () => {
    const two: NamedPerson[] = [...people, { short: 'Osei', forms: ['Kwame Osei', 'Osei'] }];
    expect(standAlone('He added that the talks had been useful.', 'Varga met Kwame Osei at city hall.', two)).toBeUndefined();
  });

  it('GIVEN "But the closure will add…" THEN the connective is dropped; GIVEN "It took…" or "That is when…" THEN the sentence is not chosen', () => {
    expect(standAlone('But the closure will add 20 minutes to the commute.', undefined, people)).toBe('The closure will add 20 minutes to the commute.');
    expect(standAlone('However, officials said the ferry would run.', undefined, people)).toBe('Officials said the ferry would run.');
    expect(standAlone('It took the city three years to find the money.', undefined, people)).toBeUndefined();
    expect(standAlone('That is when the cracks were found.', undefined, people)).toBeUndefined();
  });

  it('GIVEN two connectives before a pronoun ("And then he lost …", "And yet they remain …") THEN the pronoun is read too: resolved, or the sentence is not chosen', () => {
    expect(standAlone('And then he lost to the much less experienced challenger.', 'Ilse Varga ran on her record in 1960.', people)).toBe('Varga lost to the much less experienced challenger.');
    expect(standAlone('And yet they remain an afterthought in the debate.', undefined, people)).toBeUndefined();
    expect(standAlone('And then the council voted to reopen the bridge.', undefined, people)).toBe('The council voted to reopen the bridge.');
  });

  it('GIVEN a dateline "HARBOURTON — Mayor…" THEN the shown sentence starts at the mayor', () => {
    expect(standAlone('HARBOURTON — Mayor Ilse Varga closed the bridge.', undefined, people)).toBe('Mayor Ilse Varga closed the bridge.');
  });

  it('GIVEN a two-outlet story THEN no shown sentence opens with a pronoun or connective', () => {
    const story = buildStory([harbourPost, riverWire]);
    for (const line of shown(story)) expect(line).not.toMatch(/^["“‘'(]*(?:He|She|It|They|His|Her|Its|Their|This|These|Those|That|But|And|Also|However|So|Yet)\b/);
    expect(shown(story).some((line) => /^Varga told the council/.test(line) || /^The closure will add/.test(line))).toBe(true);
  });
});

describe('nothing said twice (repeated sentences)', () => {
  it('GIVEN a two-outlet story and no earlier briefing THEN every sentence appears once across summary, agreed, only-in and new', () => {
    const story = buildStory([harbourPost, riverWire]);
    const lines = shown(story);
    expect(new Set(lines).size).toBe(lines.length);
    expect(story.new).toEqual([]);
  });

  it('GIVEN the same articles briefed again from the ledger THEN "new" is empty, and a later report shows only under "new"', () => {
    const before = buildStory([harbourPost]);
    const again = buildStory([harbourPost], { previousPoints: shown(before) });
    expect(again.new).toEqual([]);
    const later = buildStory([harbourPost, riverWire], { previousPoints: shown(before) });
    for (const point of later.new) expect([...later.summary, ...later.agreed.map((a) => a.point), ...Object.values(later.onlyIn).flat()]).not.toContain(point);
  });
});

describe('sentences split where feed text lost its stops', () => {
  it('GIVEN a pull quote glued to its credit ("…really exciting.Maryam Hassan") THEN they are two sentences', () => {
    const sentences = splitSentences(['We are the first club in the county to do this, which is really exciting.Maryam Hassan']).map((s) => s.text);
    expect(sentences).toEqual(['We are the first club in the county to do this, which is really exciting.', 'Maryam Hassan']);
  });

  it('GIVEN "U.S.", "News.Az" or a web address THEN nothing is split inside them', () => {
    expect(splitSentences(['The U.S.Army base and example.com/News stayed open.']).length).toBe(1);
    expect(splitSentences(['The talks went well, News.Az reports citing foreign media.']).length).toBe(1);
  });

  it('GIVEN a standfirst that lost its stop ("…showed thinly veiled anger") THEN the briefing shows it with one', () => {
    const standfirst = article('d2-standfirst', 'Evening Ledger', '2032-02-04T07:00:00Z', 'Budget vote splits the council', [
      'The mayor’s budget speech drew applause from her allies while the opposition showed thinly veiled anger',
      'The council will vote on the budget next Tuesday after a final hearing with residents.',
    ]);
    for (const line of shown(buildStory([standfirst]))) expect(line).toMatch(/[.!?]["”’)]*$/);
  });
});

describe('quotes shown whole (cut quotes, credit inside the marks)', () => {
  it("GIVEN a pull quote carrying its credit (…really exciting,'' said Maryam.) THEN the quote ends before the marks", () => {
    expect(wholeQuote("We're the first club in the county to do this, which is really exciting,'' said Maryam.")).toBe(
      "We're the first club in the county to do this, which is really exciting",
    );
  });

  it('GIVEN a quote with a mark left open inside it THEN it is not shown', () => {
    expect(wholeQuote('The bridge is safe, but the "temporary fix will not last')).toBeUndefined();
  });
});

describe('people lines that are people, roles that are titles', () => {
  it('GIVEN "House Democrats", "The Report" or "Harbour Police" as a person THEN they are not listed', () => {
    for (const name of ['House Democrats', 'The Report', 'Harbour Police', 'Monday Varga']) expect(looksLikePersonName(name)).toBe(false);
    expect(looksLikePersonName('Ilse Varga')).toBe(true);
  });

  it('GIVEN a clause taken for a role ("made public statements supporting the memo’s release; city engineer") THEN the title is kept', () => {
    expect(sureRole('made public statements supporting the memo’s release; city engineer')).toBe('city engineer');
    expect(sureRole('only for her lawyer to insist it')).toBeUndefined();
    expect(sureRole('of Harbourton University')).toBeUndefined();
    expect(sureRole('Deputy Mayor')).toBe('Deputy Mayor');
  });

  it('GIVEN an organisation the analysis typed as a person THEN the story people leave it out', () => {
    const entity = (name: string, role?: string): Entity => ({ id: name, name, type: 'person', aliases: [], mentions: 2, ...(role ? { role } : {}) });
    const analysis: Analysis = { ...harbourPost, entities: [entity('Ilse Varga', 'Mayor'), entity('City Council'), entity('Kwame Osei', 'insisted it was safe')] };
    const people = mergeStoryPeople([analysis]);
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Ilse Varga', 'Kwame Osei']));
    expect(people.some((p) => p.name === 'City Council')).toBe(false);
    expect(people.find((p) => p.name === 'Kwame Osei')?.role).toBeUndefined();
  });
});

describe('feed text cleaned and inputs that are not text refused', () => {
  it('GIVEN a Reddit item with escaped markup (&lt;!-- SC_OFF --&gt;, It&amp;#39;s) THEN the article text has neither', () => {
    const html = '&lt;!-- SC_OFF --&gt;&lt;div class="md"&gt;&lt;p&gt;It&amp;#39;s my first homelab and the rack fan is far too loud for the flat.&lt;/p&gt;&lt;/div&gt;&lt;!-- SC_ON --&gt;';
    const cleaned = documentToArticle({ id: 'r1', title: 'Quiet rack fans?', html });
    expect(cleaned.paragraphs.join(' ')).toBe("It's my first homelab and the rack fan is far too loud for the flat.");
  });

  it('GIVEN a PNG, random bytes named photo.html, or an OPML list THEN each is named as what it is, not read as an article', () => {
    expect(nonTextKind(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('a PNG image');
    expect(nonTextKind(Uint8Array.from([0x2d, 0x76, 0x71, 0x78, 0xc5, 0x00, 0x13, 0x02, 0x07]))).toBe('binary data');
    expect(nonTextKind(new TextEncoder().encode('<?xml version="1.0"?>\n<opml version="2.0"><body></body></opml>'))).toBe('an OPML list of feeds');
    expect(nonTextKind(new TextEncoder().encode('Bridge closed\n\nThe Old Bridge was closed on Tuesday.'))).toBeUndefined();
  });

  it('GIVEN a Russian article THEN its summary is its own sentence, not empty', () => {
    const russian = article('d3-ru', 'Вести Харбортона', '2032-02-05T07:00:00Z', 'Мост закрыли после проверки', [
      'Старый мост закрыли для движения во вторник после того, как инспекторы нашли трещины в двух опорах.',
    ]);
    expect(buildStory([russian]).summary).toEqual(['Старый мост закрыли для движения во вторник после того, как инспекторы нашли трещины в двух опорах.']);
  });
});

describe('new since the last briefing, from the ledger (restarts and serve --once)', () => {
  it('GIVEN a briefing recorded in the ledger WHEN the process restarts and briefs the same articles THEN nothing is new again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-ledger-'));
    const path = join(dir, 'newsbot.db');
    const brief = async (at: string) => {
      // Each briefing opens the database afresh, as a restarted process would: only the file is shared.
      const store = openStore(path);
      try {
        return await briefingFromLedger(store, 'demo:file:harbour', 'console:main', new Date(at), (previous) =>
          buildDigest([harbourPost, riverWire], { now: new Date(at), ...(previous ? { previousPoints: previous.points, previousAt: previous.at } : {}) }),
        );
      } finally {
        await store.close();
      }
    };
    try {
      const first = await brief('2032-02-03T12:00:00Z');
      const second = await brief('2032-02-04T12:00:00Z');
      const store = openStore(path);
      const runs = await store.listRuns('demo:file:harbour');
      await store.close();
      expect(runs).toHaveLength(2);
      expect(runs.find((run) => run.scheduledFor === '2032-02-03T12:00:00.000Z')?.points).toEqual(digestPoints(first));
      for (const story of second.stories) expect(story.new).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('live blogs told by their latest entries', () => {
  const live = article('d4-live', 'Harbour Post', '2032-02-06T15:00:00Z', 'Harbour storm: live updates', [
    '2.40pm GMT',
    'The coastguard said all 12 crew of the stranded ferry Marisol had been lifted to safety by helicopter.',
    '1.15pm GMT',
    'Mayor Ilse Varga said the sea wall at the old harbour had held through the high tide.',
    '11.05am GMT',
    'Winds of 110 km/h were recorded at the lighthouse, the weather office said.',
    '9.30am GMT',
    'Schools across Harbourton will stay closed today as the storm reaches the coast.',
  ]);

  it('GIVEN a live blog of timestamped entries THEN its summary comes from the two latest entries, without the timestamps', () => {
    const story = buildStory([live]);
    expect(story.summary.length).toBeGreaterThan(0);
    for (const line of story.summary) {
      expect(line).toMatch(/ferry Marisol|sea wall/);
      expect(line).not.toMatch(/^\d/);
    }
  });
});
