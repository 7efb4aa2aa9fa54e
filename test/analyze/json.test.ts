import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import { toAnalysisJson } from '../../src/analyze/json.ts';
import { GoldFileError, loadGoldFile } from '../../src/eval/gold.ts';

describe('the analyze JSON contract', () => {
  it('GIVEN an article THEN the JSON carries the text as paragraphs, the removed boilerplate and quotes without marks', () => {
    const analysis = analyzeArticle({
      id: 'a',
      source: 'Test News',
      title: 'Mayor quits',
      paragraphs: ['Mayor Carla Benz resigned on Monday.', '"I have done what I came to do," Benz said.'],
      removed: ['Sign up for our newsletter'],
    });
    const json = toAnalysisJson(analysis);
    expect(json).toMatchObject({ title: 'Mayor quits', source: 'Test News', removed: ['Sign up for our newsletter'] });
    expect(json.text).toBe('Mayor Carla Benz resigned on Monday.\n\n"I have done what I came to do," Benz said.');
    expect(json.quotes).toEqual([{ text: 'I have done what I came to do,', speaker: 'Carla Benz', partial: false, cue: 'Benz said' }]);
    expect(json.entities).toContainEqual({ name: 'Carla Benz', type: 'person', aliases: ['Benz'], role: 'Mayor', mentions: 2 });
    expect(json.sentences).toEqual(['Mayor Carla Benz resigned on Monday.', '"I have done what I came to do," Benz said.']);
    expect(json.keyPoints[0]).toBe('Mayor Carla Benz resigned on Monday.');
  });

  it('GIVEN a soft hyphen inside a name THEN the name is printed without it', () => {
    const json = toAnalysisJson(analyzeArticle({ id: 'a', source: 's', title: 't', paragraphs: ['Prime Minister Benjamin Netan\u00adyahu spoke.'], removed: [] }));
    expect(json.entities.find((e) => e.type === 'person')?.name).toBe('Benjamin Netanyahu');
  });
});

describe('gold files for npm run eval', () => {
  it('GIVEN a malformed gold file THEN loading fails with a named error that says which field is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-gold-'));
    const path = join(dir, 'gold.json');
    writeFileSync(path, JSON.stringify({ articles: [{ file: 'a.txt', quotes: [{ speaker: 'X' }], people: [] }] }));
    expect(() => loadGoldFile(path)).toThrow(GoldFileError);
    expect(() => loadGoldFile(path)).toThrow(/starts/);
  });

  it('GIVEN a file that is not JSON THEN loading fails naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-gold-'));
    const path = join(dir, 'gold.json');
    writeFileSync(path, '{ not json');
    expect(() => loadGoldFile(path)).toThrow(path);
  });
});
