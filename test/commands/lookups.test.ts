import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { runSlashText, type CommandContext } from '../../src/commands/index.ts';
import type { Reply } from '../../src/commands/types.ts';
import type { Store } from '../../src/store/store.ts';
import { makeAnalysis, person } from '../helpers/analysis-factory.ts';
import { TempDatabase } from '../schedule/support.ts';

let db: TempDatabase;
let store: Store;
let ctx: CommandContext;

beforeEach(() => {
  db = new TempDatabase();
  store = db.open();
  ctx = { store, clock: new ManualClock('2026-11-23T03:40:00Z'), defaultTimezone: 'UTC' };
});
afterEach(() => db.dispose());

const ask = (text: string) => runSlashText(text, { id: 'U1', isAdmin: false }, { platform: 'discord', id: '123456789012345678' }, ctx);

function textOf(reply: Reply): string {
  return JSON.stringify(reply);
}

describe('/who, /quotes and /story with arguments nobody means', () => {
  const long = Array.from({ length: 700 }, (_, i) => `word${i}`).join(' ');

  it('GIVEN /who with a very long argument THEN it answers that a name is at most 100 characters, not with an SQL error', async () => {
    const reply = await ask(`/who ${long}`);
    expect(reply).toMatchObject({ kind: 'error', code: 'usage' });
    const text = textOf(reply);
    expect(text).toContain('a name is at most 100');
    expect(text).not.toMatch(/SELECT|compound/);
    expect(text.length).toBeLessThan(400);
  });

  it('GIVEN /quotes with 5,000 characters THEN the reply does not echo them back', async () => {
    const pasted = 'x'.repeat(5_000);
    const reply = await ask(`/quotes ${pasted}`);
    expect(reply).toMatchObject({ kind: 'error', code: 'usage' });
    expect(textOf(reply).length).toBeLessThan(400);
    expect(textOf(await ask(`/story ${pasted}`)).length).toBeLessThan(400);
  });

  it('GIVEN an unknown name of ordinary length THEN the reply names it, shortened past 60 characters', async () => {
    await store.saveAnalysis(makeAnalysis({ id: 'a1', entities: [person('p1', 'Sergei Lavrov')] }));
    const reply = await ask(`/quotes ${'Nobody '.repeat(12)}`);
    expect(reply).toMatchObject({ kind: 'error', code: 'not_found' });
    expect(textOf(reply)).toContain('…');
  });

  it('GIVEN a person named often in one article THEN /who counts articles per outlet, adding up to "Mentioned in N articles"', async () => {
    const lavrov = (mentions: number) => ({ ...person('p1', 'Sergei Lavrov', ['Lavrov']), mentions });
    await store.saveAnalysis(makeAnalysis({ id: 'a1', source: 'News.Az', paragraphs: ['Lavrov spoke.'], entities: [lavrov(3)] }));
    await store.saveAnalysis(makeAnalysis({ id: 'a2', source: 'News.Az', paragraphs: ['Lavrov spoke again.'], entities: [lavrov(1)] }));
    await store.saveAnalysis(makeAnalysis({ id: 'a3', source: 'The Moscow Times', paragraphs: ['Lavrov met Rubio.'], entities: [lavrov(1)] }));
    const reply = await ask('/who lavrov');
    expect(reply.kind).toBe('profile');
    if (reply.kind !== 'profile') return;
    expect(reply.profile.articleCount).toBe(3);
    expect(reply.profile.outlets).toEqual([
      { source: 'News.Az', mentions: 2 },
      { source: 'The Moscow Times', mentions: 1 },
    ]);
    expect(reply.profile.outlets.reduce((sum, o) => sum + o.mentions, 0)).toBe(reply.profile.articleCount);
  });
});
