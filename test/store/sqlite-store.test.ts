import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { makeAnalysis, person } from '../helpers/analysis-factory.ts';

let dir: string;
let dbPath: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-store-'));
  dbPath = join(dir, 'nested', 'newsbot.db');
  store = openStore(dbPath);
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const lavrovNews = makeAnalysis({
  id: 'a1',
  source: 'News.Az',
  url: 'https://news.az/a1',
  publishedAt: '2025-09-24T08:00:00Z',
  paragraphs: ['Russian Foreign Minister Sergey Lavrov met Rubio.', '"We talked," Lavrov said.'],
  entities: [person('e1', 'Sergey Lavrov', ['Lavrov'], 'Russian Foreign Minister')],
  quotes: [{ text: 'We talked about the war for a long time', speaker: 'Sergey Lavrov', speakerId: 'e1', paragraph: 1, partial: false }],
});
const lavrovMoscow = makeAnalysis({
  id: 'b1',
  source: 'The Moscow Times',
  url: 'https://themoscowtimes.com/b1',
  publishedAt: '2025-09-24T20:00:00Z',
  paragraphs: ["Russia's Foreign Minister Sergei Lavrov spoke."],
  entities: [person('e1', 'Sergei Lavrov', ['Lavrov'], "Russia's Foreign Minister")],
});

describe('SQLite store', () => {
  it('creates the database file and its folder on first open', () => {
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('GIVEN the same article twice THEN the second is a duplicate and nothing is stored twice', () => {
    expect(store.saveAnalysis(lavrovNews)).toEqual({ id: 'a1', status: 'new' });
    expect(store.saveAnalysis(lavrovNews)).toEqual({ id: 'a1', status: 'duplicate' });
    expect(store.countArticles()).toBe(1);
  });

  it('GIVEN an article whose text changed THEN it is updated in place, not added as new', () => {
    store.saveAnalysis(lavrovNews);
    const edited = makeAnalysis({ id: 'a1', source: 'News.Az', url: 'https://news.az/a1', paragraphs: ['Corrected: Lavrov met Rubio on Wednesday.'] });
    expect(store.saveAnalysis(edited).status).toBe('updated');
    expect(store.countArticles()).toBe(1);
    expect(store.getAnalysis('a1')?.article.paragraphs[0]).toContain('Corrected');
  });

  it('GIVEN the same link with tracking parameters under another guid THEN it is recognised as the same article', () => {
    store.saveAnalysis(lavrovNews);
    const again = { ...lavrovNews, article: { ...lavrovNews.article, id: 'guid-77', url: 'https://news.az/a1?utm_source=rss&utm_medium=feed' } };
    expect(store.saveAnalysis(again).status).toBe('duplicate');
  });

  it('GIVEN identical text under another id and link THEN it is a duplicate by content', () => {
    store.saveAnalysis(lavrovNews);
    const copy = { ...lavrovNews, article: { ...lavrovNews.article, id: 'copy', url: 'https://mirror.example/x' } };
    expect(store.saveAnalysis(copy)).toEqual({ id: 'a1', status: 'duplicate' });
  });

  it('GIVEN Sergey and Sergei Lavrov in two outlets THEN /who finds one person with both spellings and both outlets', () => {
    store.saveAnalysis(lavrovNews);
    store.saveAnalysis(lavrovMoscow);
    const profile = store.getPerson('lavrov');
    expect(profile).toBeDefined();
    expect([profile!.name, ...profile!.aliases]).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Sergei Lavrov']));
    expect(profile!.outlets.map((o) => o.source).sort()).toEqual(['News.Az', 'The Moscow Times']);
    expect(profile!.role).toMatch(/Foreign Minister/);
  });

  it('GIVEN two people who share a surname but not a first name THEN they stay two people', () => {
    store.saveAnalysis(makeAnalysis({ id: 'x', entities: [person('e1', 'Anna Novak')] }));
    store.saveAnalysis(makeAnalysis({ id: 'y', entities: [person('e1', 'Petr Novak')] }));
    expect(store.getPerson('anna novak')?.name).toBe('Anna Novak');
    expect(store.getPerson('petr novak')?.name).toBe('Petr Novak');
    expect(store.suggestPeople('nov').map((p) => p.name).sort()).toEqual(['Anna Novak', 'Petr Novak']);
  });

  it("returns a person's quotes with outlet and link, and suggests names by prefix of any word", () => {
    store.saveAnalysis(lavrovNews);
    const quotes = store.quotesBy('Lavrov');
    expect(quotes).toEqual([expect.objectContaining({ text: 'We talked about the war for a long time', speaker: 'Sergey Lavrov', source: 'News.Az', url: 'https://news.az/a1' })]);
    expect(store.suggestPeople('lav')[0]?.name).toBe('Sergey Lavrov');
    expect(store.suggestPeople('serg')[0]?.name).toBe('Sergey Lavrov');
    expect(store.suggestPeople('zzz')).toEqual([]);
  });

  it('finds articles by words with the full-text index, accents folded', () => {
    store.saveAnalysis(makeAnalysis({ id: 'm', title: 'Moldova votes', paragraphs: ['Élections in Moldova on Sunday.'] }));
    store.saveAnalysis(lavrovNews);
    expect(store.searchArticles('moldova').map((a) => a.article.id)).toEqual(['m']);
    expect(store.searchArticles('elections moldova').map((a) => a.article.id)).toEqual(['m']);
    expect(store.searchArticles('"; DROP TABLE articles; --')).toEqual([]);
  });

  it('lists articles by time and by feed', () => {
    store.saveAnalysis(lavrovMoscow);
    store.saveAnalysis(lavrovNews);
    expect(store.listAnalyses().map((a) => a.article.id)).toEqual(['a1', 'b1']);
    expect(store.listAnalyses({ since: '2025-09-24T12:00:00Z' }).map((a) => a.article.id)).toEqual(['b1']);
    expect(store.listAnalyses({ limit: 1 }).map((a) => a.article.id)).toEqual(['b1']);
  });

  it('keeps feeds with their health', () => {
    store.addFeed({ url: 'https://example.com/rss', addedBy: 'U1' });
    store.updateFeed('https://example.com/rss', { health: 'failing', failingSince: '2026-01-01T00:00:00Z', lastError: 'HTTP 500' });
    expect(store.listFeeds()).toEqual([expect.objectContaining({ url: 'https://example.com/rss', health: 'failing', lastError: 'HTTP 500', addedBy: 'U1' })]);
    expect(store.removeFeed('https://example.com/rss')).toBe(true);
    expect(store.removeFeed('https://example.com/rss')).toBe(false);
  });

  it('GIVEN two processes on one database file THEN only one can claim a firing', () => {
    const other = openStore(dbPath);
    try {
      const run = { id: 's1@2026-01-01T08:00:00.000Z>console:main', scheduleId: 's1', scheduledFor: '2026-01-01T08:00:00.000Z', target: 'console:main', status: 'claimed' as const, messageIds: [], points: [] };
      expect(store.claimRun(run)).toBe(true);
      expect(other.claimRun(run)).toBe(false);
      expect(other.transitionRun(run.id, 'claimed', { status: 'posting' })).toBe(true);
      expect(store.transitionRun(run.id, 'claimed', { status: 'posting' })).toBe(false);
      other.updateRun(run.id, { status: 'posted', messageIds: ['m1'], points: ['p'] });
      expect(store.lastPostedRun('s1')).toEqual(expect.objectContaining({ status: 'posted', messageIds: ['m1'], points: ['p'] }));
    } finally {
      other.close();
    }
  });

  it('keeps everything stored across a restart', () => {
    store.saveAnalysis(lavrovNews);
    store.saveSchedule({ id: 'c1', title: 'T', cron: '0 8 * * *', when: 'daily 08:00', timezone: 'UTC', targets: [{ platform: 'console', id: 'main' }], feeds: [], maxStories: 5, origin: 'chat' });
    store.close();
    store = openStore(dbPath);
    expect(store.countArticles()).toBe(1);
    expect(store.listSchedules().map((s) => s.id)).toEqual(['c1']);
  });
});
