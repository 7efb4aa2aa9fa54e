import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { hasErrorCode } from '../../src/core/errors.ts';
import type { Store } from '../../src/store/store.ts';
import { makeAnalysis, person } from '../helpers/analysis-factory.ts';

/**
 * How one store implementation reaches its database, for the contract below. Every `open`
 * after `setUp` reaches the same database (a second process, or the same one after a restart).
 */
export interface StoreHarness {
  setUp(): Promise<void> | void;
  open(options: { clock: ManualClock }): Promise<Store> | Store;
  /** Overwrites the stored analysis of article `id` with `json`, as a broken or foreign write would. */
  writeRawAnalysis(id: string, json: string): Promise<void> | void;
  tearDown(): Promise<void> | void;
}

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

/** The behaviour every Store implementation shares; each implementation's test file runs it. */
export function storeContract(name: string, harness: StoreHarness): void {
  describe(`${name} store (contract)`, () => {
    let clock: ManualClock;
    let store: Store;

    beforeEach(async () => {
      await harness.setUp();
      clock = new ManualClock('2026-03-01T10:00:00.000Z');
      store = await harness.open({ clock });
    });

    afterEach(async () => {
      await store.close();
      await harness.tearDown();
    });

    it('GIVEN the same article twice THEN the second is a duplicate and nothing is stored twice', async () => {
      expect(await store.saveAnalysis(lavrovNews)).toEqual({ id: 'a1', status: 'new' });
      expect(await store.saveAnalysis(lavrovNews)).toEqual({ id: 'a1', status: 'duplicate' });
      expect(await store.countArticles()).toBe(1);
    });

    it('GIVEN an article whose text changed THEN it is updated in place, not added as new', async () => {
      await store.saveAnalysis(lavrovNews);
      const edited = makeAnalysis({ id: 'a1', source: 'News.Az', url: 'https://news.az/a1', paragraphs: ['Corrected: Lavrov met Rubio on Wednesday.'] });
      expect((await store.saveAnalysis(edited)).status).toBe('updated');
      expect(await store.countArticles()).toBe(1);
      expect((await store.getAnalysis('a1'))?.article.paragraphs[0]).toContain('Corrected');
    });

    it('GIVEN the same link with tracking parameters under another guid THEN it is recognised as the same article', async () => {
      await store.saveAnalysis(lavrovNews);
      const again = { ...lavrovNews, article: { ...lavrovNews.article, id: 'guid-77', url: 'https://news.az/a1?utm_source=rss&utm_medium=feed' } };
      expect((await store.saveAnalysis(again)).status).toBe('duplicate');
    });

    it('GIVEN identical text under another id and link THEN it is a duplicate by content', async () => {
      await store.saveAnalysis(lavrovNews);
      const copy = { ...lavrovNews, article: { ...lavrovNews.article, id: 'copy', url: 'https://mirror.example/x' } };
      expect(await store.saveAnalysis(copy)).toEqual({ id: 'a1', status: 'duplicate' });
    });

    it('GIVEN a batch with a repeat inside it THEN saveAnalyses stores each once and reports every entry in order', async () => {
      const results = await store.saveAnalyses([lavrovNews, lavrovMoscow, lavrovNews]);
      expect(results).toEqual([
        { id: 'a1', status: 'new' },
        { id: 'b1', status: 'new' },
        { id: 'a1', status: 'duplicate' },
      ]);
      expect(await store.countArticles()).toBe(2);
      expect((await store.getPerson('lavrov'))?.articleCount).toBe(2);
      expect(await store.saveAnalyses([])).toEqual([]);
    });

    it('GIVEN one batch with an article, its correction and a copy of its first text elsewhere THEN each entry is judged against the entries before it', async () => {
      const corrected = makeAnalysis({ id: 'a1', source: 'News.Az', url: 'https://news.az/a1', paragraphs: ['Corrected: Lavrov met Rubio on Wednesday.'] });
      const copy = { ...lavrovNews, article: { ...lavrovNews.article, id: 'copy', url: 'https://mirror.example/x' } };
      const results = await store.saveAnalyses([lavrovNews, lavrovMoscow, corrected, copy, corrected]);
      expect(results.map((r) => r.status)).toEqual(['new', 'new', 'updated', 'new', 'duplicate']);
      expect(await store.countArticles()).toBe(3);
      expect((await store.getAnalysis('a1'))?.article.paragraphs[0]).toContain('Corrected');
      expect((await store.getPerson('lavrov'))?.articleCount).toBe(2);
    });

    it('GIVEN an analysis the analysis itself stored THEN it reads back equal, unknown fields kept', async () => {
      const withExtra = { ...lavrovNews, article: { ...lavrovNews.article, feedUrl: 'https://news.az/rss', teaserOnly: true } };
      await store.saveAnalysis(withExtra);
      expect(await store.getAnalysis('a1')).toEqual(withExtra);
    });

    it('GIVEN a stored analysis that no longer has its shape THEN reading it fails with E_STORE_CORRUPT naming the article', async () => {
      await store.saveAnalysis(lavrovNews);
      await harness.writeRawAnalysis('a1', JSON.stringify({ article: { id: 'a1', title: 7 } }));
      const failure = await Promise.resolve()
        .then(() => store.getAnalysis('a1'))
        .catch((error: unknown) => error);
      expect(hasErrorCode(failure, 'E_STORE_CORRUPT')).toBe(true);
      expect((failure as Error).message).toMatch(/article "a1"/);
      await harness.writeRawAnalysis('a1', '{not json');
      await expect(Promise.resolve().then(() => store.listAnalyses())).rejects.toThrow(/article "a1".*not JSON/);
    });

    it('GIVEN Sergey and Sergei Lavrov in two outlets THEN /who finds one person with both spellings and both outlets', async () => {
      await store.saveAnalysis(lavrovNews);
      await store.saveAnalysis(lavrovMoscow);
      const profile = await store.getPerson('lavrov');
      expect(profile).toBeDefined();
      expect([profile!.name, ...profile!.aliases]).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Sergei Lavrov']));
      expect(profile!.outlets.map((o) => o.source).sort()).toEqual(['News.Az', 'The Moscow Times']);
      expect(profile!.outlets.every((o) => typeof o.mentions === 'number')).toBe(true);
      expect(profile!.role).toMatch(/Foreign Minister/);
      expect(profile!.articleCount).toBe(2);
      expect(profile!.quoteCount).toBe(1);
      expect(profile!.lastSeen).toBe('2025-09-24T20:00:00Z');
    });

    it('GIVEN two spellings of one person THEN the one more articles print names them in /who, /quotes, autocomplete and briefings, and an edit can change it', async () => {
      const zelensky = (id: string, source: string, name: string, paragraphs = [`"We hold the line in the east," ${name} said.`]) =>
        makeAnalysis({
          id,
          source,
          paragraphs,
          entities: [person('e1', name, [name.split(' ')[1]!], 'Ukrainian President')],
          quotes: [{ text: 'We hold the line in the east', speaker: name, speakerId: 'e1', paragraph: 0, partial: false }],
        });
      await store.saveAnalysis(zelensky('k1', 'Kyiv Daily', 'Volodymyr Zelensky'));
      await store.saveAnalysis(zelensky('w1', 'Wire Service', 'Volodymyr Zelenskyy'));
      await store.saveAnalysis(zelensky('h1', 'Harbour News', 'Volodymyr Zelenskyy'));
      const profile = await store.getPerson('zelensky');
      expect(profile?.name).toBe('Volodymyr Zelenskyy');
      expect(profile?.aliases).toEqual(expect.arrayContaining(['Volodymyr Zelensky', 'Zelensky', 'Zelenskyy']));
      expect(new Set((await store.quotesBy('zelensky')).map((q) => q.speaker))).toEqual(new Set(['Volodymyr Zelenskyy']));
      expect((await store.suggestPeople('zelensky')).map((p) => p.name)).toEqual(['Volodymyr Zelenskyy']);
      expect(await store.canonicalNames(['Volodymyr Zelensky', 'Zelenskyy', 'Nobody Known'])).toEqual(
        new Map([
          ['Volodymyr Zelensky', 'Volodymyr Zelenskyy'],
          ['Zelenskyy', 'Volodymyr Zelenskyy'],
        ]),
      );

      // Harbour News corrects its spelling: now two articles print "Zelensky".
      const corrected = zelensky('h1', 'Harbour News', 'Volodymyr Zelensky', ['Corrected: "We hold the line in the east," Volodymyr Zelensky said.']);
      expect((await store.saveAnalysis(corrected)).status).toBe('updated');
      expect((await store.getPerson('zelenskyy'))?.name).toBe('Volodymyr Zelensky');
      expect((await store.canonicalNames(['Volodymyr Zelenskyy'])).get('Volodymyr Zelenskyy')).toBe('Volodymyr Zelensky');
    });

    it('GIVEN a batch that fails part-way THEN none of it stays, and saved again its people are found by name', async () => {
      // A row the database refuses (a quote without its paragraph) rolls the whole batch back.
      const refused = makeAnalysis({
        id: 'x1',
        quotes: [{ text: 'We will see about that one', speaker: null, paragraph: null as unknown as number, partial: false }],
      });
      await expect(store.saveAnalyses([lavrovNews, refused])).rejects.toThrow();
      expect(await store.countArticles()).toBe(0);
      expect(await store.suggestPeople('lav')).toEqual([]);

      await store.saveAnalyses([lavrovNews]);
      expect((await store.suggestPeople('lav')).map((p) => p.name)).toEqual(['Sergey Lavrov']);
      expect((await store.suggestPeople('sergey lav')).map((p) => p.name)).toEqual(['Sergey Lavrov']);
    });

    it('GIVEN two people who share a surname but not a first name THEN they stay two people', async () => {
      await store.saveAnalysis(makeAnalysis({ id: 'x', entities: [person('e1', 'Anna Novak')] }));
      await store.saveAnalysis(makeAnalysis({ id: 'y', entities: [person('e1', 'Petr Novak')] }));
      expect((await store.getPerson('anna novak'))?.name).toBe('Anna Novak');
      expect((await store.getPerson('petr novak'))?.name).toBe('Petr Novak');
      expect((await store.suggestPeople('nov')).map((p) => p.name).sort()).toEqual(['Anna Novak', 'Petr Novak']);
      expect((await store.suggestPeople('anna nov')).map((p) => p.name)).toEqual(['Anna Novak']);
    });

    it("returns a person's quotes with outlet and link, and suggests names by prefix of any word", async () => {
      await store.saveAnalysis(lavrovNews);
      const quotes = await store.quotesBy('Lavrov');
      expect(quotes).toEqual([
        { text: 'We talked about the war for a long time', speaker: 'Sergey Lavrov', source: 'News.Az', title: 'Title of a1', url: 'https://news.az/a1', publishedAt: '2025-09-24T08:00:00Z' },
      ]);
      expect((await store.suggestPeople('lav'))[0]).toEqual({ name: 'Sergey Lavrov', aliases: ['Lavrov'], mentions: 2, role: 'Russian Foreign Minister' });
      expect((await store.suggestPeople('serg'))[0]?.name).toBe('Sergey Lavrov');
      expect(await store.suggestPeople('zzz')).toEqual([]);
      expect(await store.quotesBy('nobody')).toEqual([]);
      expect(await store.getPerson('nobody')).toBeUndefined();
    });

    it('finds articles by words with the full-text index, accents folded', async () => {
      await store.saveAnalysis(makeAnalysis({ id: 'm', title: 'Moldova votes', paragraphs: ['Élections in Moldova on Sunday.'] }));
      await store.saveAnalysis(lavrovNews);
      expect((await store.searchArticles('moldova')).map((a) => a.article.id)).toEqual(['m']);
      expect((await store.searchArticles('elections moldova')).map((a) => a.article.id)).toEqual(['m']);
      expect((await store.searchArticles('Élections')).map((a) => a.article.id)).toEqual(['m']);
      expect(await store.searchArticles('"; DROP TABLE articles; --')).toEqual([]);
      expect(await store.searchArticles('moldova & !votes | (x:*)')).toEqual([]);
      expect(await store.searchArticles('')).toEqual([]);
    });

    it('ranks a title match above a match in the text only', async () => {
      await store.saveAnalysis(makeAnalysis({ id: 'body', title: 'Weather today', paragraphs: ['Rain, and Moldova too.'] }));
      await store.saveAnalysis(makeAnalysis({ id: 'title', title: 'Moldova votes', paragraphs: ['People voted on Sunday.'] }));
      expect((await store.searchArticles('moldova')).map((a) => a.article.id)).toEqual(['title', 'body']);
    });

    it('lists articles by time and by feed', async () => {
      await store.saveAnalysis(lavrovMoscow);
      await store.saveAnalysis(lavrovNews);
      await store.saveAnalysis({ ...makeAnalysis({ id: 'f1', publishedAt: '2025-09-25T00:00:00Z' }), article: { ...makeAnalysis({ id: 'f1', publishedAt: '2025-09-25T00:00:00Z' }).article, feedUrl: 'https://feed.example/rss' } });
      expect((await store.listAnalyses()).map((a) => a.article.id)).toEqual(['a1', 'b1', 'f1']);
      expect((await store.listAnalyses({ since: '2025-09-24T12:00:00Z' })).map((a) => a.article.id)).toEqual(['b1', 'f1']);
      expect((await store.listAnalyses({ until: '2025-09-24T12:00:00Z' })).map((a) => a.article.id)).toEqual(['a1']);
      expect((await store.listAnalyses({ limit: 1 })).map((a) => a.article.id)).toEqual(['f1']);
      expect((await store.listAnalyses({ feeds: ['https://feed.example/rss'] })).map((a) => a.article.id)).toEqual(['f1']);
    });

    it('GIVEN an undated article THEN it sorts by the time the store first saw it, from the injected clock', async () => {
      await store.saveAnalysis(makeAnalysis({ id: 'undated' }));
      expect((await store.listAnalyses({ since: '2026-03-01T10:00:00.000Z' })).map((a) => a.article.id)).toEqual(['undated']);
      expect(await store.listAnalyses({ since: '2026-03-01T10:00:00.001Z' })).toEqual([]);
    });

    it('keeps feeds with their health, stamped by the injected clock', async () => {
      const added = await store.addFeed({ url: 'https://example.com/rss', addedBy: 'U1' });
      expect(added).toEqual({ url: 'https://example.com/rss', addedBy: 'U1', addedAt: '2026-03-01T10:00:00.000Z', health: 'new', itemCount: 0 });
      await store.updateFeed('https://example.com/rss', { health: 'failing', failingSince: '2026-01-01T00:00:00Z', lastError: 'HTTP 500', itemCount: 3 });
      expect(await store.listFeeds()).toEqual([expect.objectContaining({ url: 'https://example.com/rss', health: 'failing', lastError: 'HTTP 500', addedBy: 'U1', itemCount: 3 })]);
      await store.updateFeed('https://example.com/rss', { lastError: undefined });
      expect((await store.getFeed('https://example.com/rss'))?.lastError).toBeUndefined();
      expect((await store.addFeed({ url: 'https://example.com/rss', title: 'Example' })).title).toBe('Example');
      expect(await store.removeFeed('https://example.com/rss')).toBe(true);
      expect(await store.removeFeed('https://example.com/rss')).toBe(false);
      expect(await store.getFeed('https://example.com/rss')).toBeUndefined();
    });

    it('remembers what the last read of a digested URL gave, replacing it on the next read, and no feed is added', async () => {
      expect(await store.getFetchedUrl('https://example.com/page')).toBeUndefined();
      await store.rememberFetchedUrl({ url: 'https://example.com/page', etag: '"v1"', lastModified: 'Mon, 23 Nov 2026 08:30:00 GMT', articleIds: ['b', 'a'] });
      expect(await store.getFetchedUrl('https://example.com/page')).toEqual({
        url: 'https://example.com/page',
        etag: '"v1"',
        lastModified: 'Mon, 23 Nov 2026 08:30:00 GMT',
        articleIds: ['b', 'a'],
        fetchedAt: '2026-03-01T10:00:00.000Z',
      });
      clock.advance(60_000);
      await store.rememberFetchedUrl({ url: 'https://example.com/page', lastModified: 'Tue, 24 Nov 2026 08:30:00 GMT', articleIds: ['c'] });
      expect(await store.getFetchedUrl('https://example.com/page')).toEqual({
        url: 'https://example.com/page',
        lastModified: 'Tue, 24 Nov 2026 08:30:00 GMT',
        articleIds: ['c'],
        fetchedAt: '2026-03-01T10:01:00.000Z',
      });
      expect(await store.listFeeds()).toEqual([]);
    });

    it('keeps schedules, replacing by id', async () => {
      const schedule = { id: 'c1', title: 'T', cron: '0 8 * * *', when: 'daily 08:00', timezone: 'UTC', targets: [{ platform: 'console' as const, id: 'main' }], feeds: [], maxStories: 5, origin: 'chat' as const };
      await store.saveSchedule(schedule);
      await store.saveSchedule({ ...schedule, title: 'T2' });
      expect(await store.listSchedules()).toEqual([{ ...schedule, title: 'T2' }]);
      expect((await store.getSchedule('c1'))?.title).toBe('T2');
      expect(await store.removeSchedule('c1')).toBe(true);
      expect(await store.removeSchedule('c1')).toBe(false);
      expect(await store.getSchedule('c1')).toBeUndefined();
    });

    it('GIVEN two processes on one database THEN only one can claim a firing or move it on', async () => {
      const other = await harness.open({ clock });
      try {
        const run = { id: 's1@2026-01-01T08:00:00.000Z>console:main', scheduleId: 's1', scheduledFor: '2026-01-01T08:00:00.000Z', target: 'console:main', status: 'claimed' as const, messageIds: [], points: [] };
        expect(await store.claimRun(run)).toBe(true);
        expect(await other.claimRun(run)).toBe(false);
        expect(await other.transitionRun(run.id, 'claimed', { status: 'posting' })).toBe(true);
        expect(await store.transitionRun(run.id, 'claimed', { status: 'posting' })).toBe(false);
        clock.advance(60_000);
        await other.updateRun(run.id, { status: 'posted', messageIds: ['m1'], points: ['p'] });
        expect(await store.lastPostedRun('s1')).toEqual({ ...run, status: 'posted', messageIds: ['m1'], points: ['p'], updatedAt: '2026-03-01T10:01:00.000Z' });
        expect(await store.lastPostedRun('s1', 'console:other')).toBeUndefined();
        expect((await store.getRun(run.id))?.status).toBe('posted');
        await store.updateRun(run.id, { error: 'late' });
        expect((await store.getRun(run.id))?.error).toBe('late');
        await store.updateRun(run.id, { error: undefined });
        expect((await store.getRun(run.id))?.error).toBeUndefined();
      } finally {
        await other.close();
      }
    });

    it('GIVEN many claims of one firing at once THEN exactly one wins', async () => {
      const others = await Promise.all([1, 2, 3].map(() => harness.open({ clock })));
      try {
        const run = { id: 's2@2026-01-01T08:00:00.000Z>console:main', scheduleId: 's2', scheduledFor: '2026-01-01T08:00:00.000Z', target: 'console:main', status: 'claimed' as const, messageIds: [], points: [] };
        const claims = await Promise.all([store, ...others].flatMap((s) => [s.claimRun(run), s.claimRun(run)]));
        expect(claims.filter(Boolean)).toHaveLength(1);
        const moves = await Promise.all([store, ...others].map((s) => s.transitionRun(run.id, 'claimed', { status: 'posting' })));
        expect(moves.filter(Boolean)).toHaveLength(1);
      } finally {
        for (const other of others) await other.close();
      }
    });

    it('lists runs of a schedule, latest firing first', async () => {
      for (const hour of ['08', '09', '10']) {
        await store.claimRun({ id: `s3@${hour}`, scheduleId: 's3', scheduledFor: `2026-01-01T${hour}:00:00.000Z`, target: 'console:main', status: 'claimed', messageIds: [], points: [] });
      }
      expect((await store.listRuns('s3')).map((r) => r.id)).toEqual(['s3@10', 's3@09', 's3@08']);
      expect((await store.listRuns('s3', 2)).map((r) => r.id)).toEqual(['s3@10', 's3@09']);
    });

    it('GIVEN a story saved on two days THEN it keeps its id and members, each with the time it first joined', async () => {
      const day1 = { articleId: 'a1', source: 'News.Az', title: 'Lavrov meets Rubio', url: 'https://news.az/a1', joinedAt: '2025-09-24T08:00:00Z' };
      const day2 = { articleId: 'b1', source: 'The Moscow Times', title: 'Lavrov spoke', joinedAt: '2025-09-25T08:00:00Z' };
      await store.saveStory({ id: 's-1', headline: 'Lavrov meets Rubio', members: [day1] });
      clock.set('2026-03-02T10:00:00.000Z');
      await store.saveStory({ id: 's-1', headline: 'Lavrov and Rubio talk', members: [{ ...day1, joinedAt: '2030-01-01T00:00:00Z' }, day2] });
      const story = await store.getStory('s-1');
      expect(story).toMatchObject({ id: 's-1', headline: 'Lavrov and Rubio talk', createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z' });
      expect(story?.members).toEqual([day1, day2]);
      expect(await store.storiesOfArticles(['b1', 'zz'])).toEqual([{ storyId: 's-1', articleId: 'b1' }]);
      expect(await store.getStory('s-404')).toBeUndefined();
    });

    it('records the briefings that showed a story once per run, oldest first', async () => {
      await store.saveStory({ id: 's-2', headline: 'H', members: [] });
      const reply = { runId: 'r2', target: 'slack:C1', at: '2026-03-02T08:00:00.000Z', kind: 'reply' as const, points: ['Talks resumed.'], messageIds: ['2.0'] };
      await store.recordStoryBriefing('s-2', reply);
      await store.recordStoryBriefing('s-2', { runId: 'r1', target: 'slack:C1', at: '2026-03-01T08:00:00.000Z', kind: 'post', points: ['Talks began.'], messageIds: ['1.0'] });
      await store.recordStoryBriefing('s-2', { ...reply, points: ['twice'] });
      expect((await store.getStory('s-2'))?.briefings.map((b) => [b.runId, b.kind, b.points])).toEqual([
        ['r1', 'post', ['Talks began.']],
        ['r2', 'reply', ['Talks resumed.']],
      ]);
    });

    it("keeps a story's first root message per channel and adds the thread id later", async () => {
      await store.saveStoryThread({ target: 'discord:42', storyId: 's-3', rootMessageId: 'm1' });
      await store.saveStoryThread({ target: 'discord:42', storyId: 's-3', rootMessageId: 'm9', threadId: 'm1' });
      await store.saveStoryThread({ target: 'discord:43', storyId: 's-3', rootMessageId: 'm5' });
      expect(await store.storyThreads('discord:42', ['s-3', 's-4'])).toEqual([{ target: 'discord:42', storyId: 's-3', rootMessageId: 'm1', threadId: 'm1' }]);
      expect(await store.storyThreads('discord:43', ['s-3'])).toEqual([{ target: 'discord:43', storyId: 's-3', rootMessageId: 'm5' }]);
    });

    it('keeps everything stored across a restart', async () => {
      await store.saveAnalysis(lavrovNews);
      await store.saveSchedule({ id: 'c1', title: 'T', cron: '0 8 * * *', when: 'daily 08:00', timezone: 'UTC', targets: [{ platform: 'console', id: 'main' }], feeds: [], maxStories: 5, origin: 'chat' });
      await store.close();
      store = await harness.open({ clock });
      expect(await store.countArticles()).toBe(1);
      expect((await store.listSchedules()).map((s) => s.id)).toEqual(['c1']);
      expect((await store.getPerson('lavrov'))?.quoteCount).toBe(1);
    });
  });
}
