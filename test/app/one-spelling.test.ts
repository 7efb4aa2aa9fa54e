import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestInputs } from '../../src/app/digest-inputs.ts';
import { runSlashText } from '../../src/commands/index.ts';
import type { Reply } from '../../src/commands/types.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { renderDigestMarkdown } from '../../src/digest/markdown.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

// Two outlets tell one story and spell the president differently; a third story elsewhere
// spells him as the second outlet does. Small articles in the JSON form `newsbot digest` reads.
const kyivDaily = {
  title: 'Zelensky asks allies for air defence before winter',
  source: 'Kyiv Daily',
  publishedAt: '2026-11-02T08:00:00Z',
  text: [
    'Ukrainian President Volodymyr Zelensky asked European allies on Tuesday for more air defence systems before winter.',
    '"We need the systems now, not next spring, because the attacks on our power plants will not wait," Zelensky told reporters in Kyiv.',
    'Zelensky said the last week of strikes had left two regions without heating.',
  ].join('\n\n'),
};
const wireService = {
  title: 'Ukraine presses allies for air defence ahead of winter',
  source: 'Wire Service',
  publishedAt: '2026-11-02T09:00:00Z',
  text: [
    'Ukrainian President Volodymyr Zelenskyy asked European allies on Tuesday for more air defence systems ahead of the winter.',
    '"Every week without these systems costs lives in our cities and leaves families in the cold," Zelenskyy said.',
  ].join('\n\n'),
};
const grainStory = {
  title: 'Grain ships leave Odesa under a new escort plan',
  source: 'Harbour News',
  publishedAt: '2026-10-20T08:00:00Z',
  text: [
    'Three grain ships left the port of Odesa on Monday under a new naval escort plan, port officials said.',
    'Ukrainian President Volodymyr Zelenskyy visited the port last week and praised the crews.',
  ].join('\n\n'),
};

let dir: string;
let store: Store;
const clock = new ManualClock('2026-11-02T12:00:00Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-spelling-'));
  store = openStore(join(dir, 'newsbot.db'), { clock });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function articleFile(name: string, article: object): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(article));
  return path;
}

/** `newsbot digest FILES --format markdown`, as the CLI runs it. */
async function digestMarkdown(files: string[]): Promise<string> {
  return renderDigestMarkdown(await digestInputs(files, { store, log: silentLogger }, { clock, store: true }));
}

const ask = (text: string): Promise<Reply> => runSlashText(text, { id: 'U1', isAdmin: false }, { platform: 'console', id: 'main' }, { store, clock, defaultTimezone: 'UTC' });

/** Every spelling of the president's full name a text uses. */
function spellings(text: string): string[] {
  return [...new Set(text.match(/Volodymyr Zelenskyy?\b/g) ?? [])];
}

/** The spellings a digest's people lines and quote attributions use (the articles' own sentences are quoted as printed). */
function digestSpellings(markdown: string): string[] {
  const lines = markdown.split('\n');
  const peopleLines = lines.filter((line) => line.startsWith('- Volodymyr')).map((line) => line.replace(/ \(also .*\)$/, ''));
  const attributions = lines.filter((line) => line.startsWith('> — '));
  return spellings([...peopleLines, ...attributions].join('\n'));
}

describe('one spelling per person in briefings, /who, /quotes, /story and autocomplete', () => {
  it('GIVEN two outlets spelling Zelensky and Zelenskyy THEN the digest, /who and /quotes use one spelling and list the other as an alias', async () => {
    const markdown = await digestMarkdown([articleFile('kyiv', kyivDaily), articleFile('wire', wireService)]);
    const [name] = digestSpellings(markdown);
    expect(digestSpellings(markdown)).toEqual([name]);
    expect(markdown).toMatch(/^> — Volodymyr Zelenskyy?, /m);
    const other = name === 'Volodymyr Zelensky' ? 'Volodymyr Zelenskyy' : 'Volodymyr Zelensky';
    expect(markdown).toContain(`- ${name}, Ukrainian President (also ${other}`);

    const who = await ask('/who zelensky');
    expect(who).toMatchObject({ kind: 'profile', profile: { name, aliases: expect.arrayContaining([other]) } });
    const quotes = await ask('/quotes zelenskyy');
    expect(quotes.kind).toBe('quotes');
    expect(spellings(JSON.stringify(quotes))).toEqual([name]);
    expect(spellings(JSON.stringify((await store.suggestPeople('zel')).map((person) => person.name)))).toEqual([name]);
  });

  it('GIVEN more stored articles spelling Zelenskyy than Zelensky THEN a digest of the one Zelensky story still says Zelenskyy, as /who and /quotes do', async () => {
    await digestMarkdown([articleFile('grain', grainStory)]);
    // The Kyiv Daily article names him more often, so on its own count the story would spell him its way.
    const markdown = await digestMarkdown([articleFile('kyiv', kyivDaily), articleFile('wire', wireService)]);

    expect(digestSpellings(markdown)).toEqual(['Volodymyr Zelenskyy']);
    expect(markdown).toContain('- Volodymyr Zelenskyy, Ukrainian President (also Volodymyr Zelensky');
    expect(await ask('/who zelensky')).toMatchObject({ kind: 'profile', profile: { name: 'Volodymyr Zelenskyy' } });
    expect(spellings(JSON.stringify(await ask('/quotes zelensky')))).toEqual(['Volodymyr Zelenskyy']);
    const story = JSON.stringify(await ask('/story air defence winter'));
    expect(story).toContain('"name":"Volodymyr Zelenskyy"');
    expect(story).not.toContain('"name":"Volodymyr Zelensky"');
    expect(story).not.toContain('"speaker":"Volodymyr Zelensky"');
    // Autocomplete shows the one name and still finds him by either spelling.
    for (const prefix of ['zelensky', 'zelenskyy', 'volodymyr zel']) {
      expect((await store.suggestPeople(prefix)).map((person) => person.name)).toEqual(['Volodymyr Zelenskyy']);
    }
  });
});
