import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { nameKey, personKeyWords } from '../../analyze/aliases.ts';
import type { Analysis, Entity } from '../../analyze/types.ts';
import type { PersonProfile, QuoteItem } from '../people.ts';
import { canonicalUrl } from '../../ingest/feeds/canonical-url.ts';
import type { Run, Schedule } from '../../schedule/types.ts';
import { migrate } from './migrations.ts';
import type { ArticleQuery, FeedRecord, PersonSuggestion, SaveResult, Store } from '../store.ts';
import { NewsbotError } from '../../core/errors.ts';

export class StoreError extends NewsbotError<'E_STORE_OPEN' | 'E_STORE_CORRUPT'> {}

/** Opens (creating when missing, migrating when old) the SQLite database at `path`. */
export function openStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (error) {
    throw new StoreError('E_STORE_OPEN', `Cannot open the database at ${path}: ${(error as Error).message}. Check NEWSBOT_DB.`);
  }
  return new SqliteStore(db);
}

function contentHash(analysis: Analysis): string {
  const text = analysis.article.paragraphs.join('\n').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(analysis.article.title.trim().toLowerCase() + '\n' + text).digest('hex');
}

function safeCanonical(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return canonicalUrl(url);
  } catch {
    return null;
  }
}

/** Folded surname and given name, titles and Jr/Sr suffixes left out, as the analysis merges people. */
function nameParts(name: string): { surname: string; given: string } {
  const words = personKeyWords(name);
  return { surname: words.at(-1) ?? '', given: words.length > 1 ? words[0]! : '' };
}

/** Escapes a user's words for an FTS5 MATCH: each word becomes a quoted prefix-free term. */
function ftsQuery(words: string): string | undefined {
  const terms = words
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  if (terms.length === 0) return undefined;
  return terms.map((t) => `"${t}"`).join(' ');
}

interface ArticleRow {
  rowid: number;
  id: string;
  content_hash: string;
  analysis_json: string;
}

class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #statements: Map<string, Database.Statement> = new Map();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  #sql(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  // ---- articles ----

  saveAnalysis(analysis: Analysis): SaveResult {
    return this.#db.transaction((): SaveResult => {
      const article = analysis.article;
      const hash = contentHash(analysis);
      const canonical = safeCanonical(article.url);
      const existing =
        (this.#sql('SELECT rowid, id, content_hash, analysis_json FROM articles WHERE id = ?').get(article.id) as ArticleRow | undefined) ??
        (canonical
          ? (this.#sql('SELECT rowid, id, content_hash, analysis_json FROM articles WHERE canonical_url = ?').get(canonical) as ArticleRow | undefined)
          : undefined);
      if (existing) {
        if (existing.content_hash === hash) return { id: existing.id, status: 'duplicate' };
        this.#replaceArticle(existing.rowid, existing.id, analysis, hash, canonical);
        return { id: existing.id, status: 'updated' };
      }
      const sameText = this.#sql('SELECT id FROM articles WHERE content_hash = ?').get(hash) as { id: string } | undefined;
      if (sameText) return { id: sameText.id, status: 'duplicate' };
      this.#insertArticle(analysis, hash, canonical);
      return { id: article.id, status: 'new' };
    })();
  }

  #sourceId(name: string): number {
    this.#sql('INSERT INTO sources(name) VALUES (?) ON CONFLICT(name) DO NOTHING').run(name);
    return (this.#sql('SELECT id FROM sources WHERE name = ?').get(name) as { id: number }).id;
  }

  #insertArticle(analysis: Analysis, hash: string, canonical: string | null): void {
    const article = analysis.article;
    const now = new Date().toISOString();
    const result = this.#sql(
      `INSERT INTO articles(id, source_id, title, url, canonical_url, feed_url, published_at, first_seen_at, updated_at, sort_time, content_hash, analysis_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      article.id,
      this.#sourceId(article.source),
      article.title,
      article.url ?? null,
      canonical,
      article.feedUrl ?? null,
      article.publishedAt ?? null,
      now,
      now,
      article.publishedAt ?? now,
      hash,
      JSON.stringify(analysis),
    );
    this.#indexArticle(Number(result.lastInsertRowid), analysis);
  }

  #replaceArticle(rowid: number, id: string, analysis: Analysis, hash: string, canonical: string | null): void {
    const article = { ...analysis.article, id };
    const stored: Analysis = { ...analysis, article };
    this.#sql(
      `UPDATE articles SET source_id = ?, title = ?, url = ?, canonical_url = ?, feed_url = coalesce(?, feed_url), published_at = coalesce(?, published_at),
         updated_at = ?, sort_time = coalesce(?, sort_time), content_hash = ?, analysis_json = ? WHERE rowid = ?`,
    ).run(
      this.#sourceId(article.source),
      article.title,
      article.url ?? null,
      canonical,
      article.feedUrl ?? null,
      article.publishedAt ?? null,
      new Date().toISOString(),
      article.publishedAt ?? null,
      hash,
      JSON.stringify(stored),
      rowid,
    );
    this.#sql('DELETE FROM articles_fts WHERE rowid = ?').run(rowid);
    this.#sql('DELETE FROM quotes WHERE article_rowid = ?').run(rowid);
    const old = this.#sql('SELECT entity_id, count FROM mentions WHERE article_rowid = ?').all(rowid) as Array<{ entity_id: number; count: number }>;
    for (const m of old) this.#sql('UPDATE entities SET mentions = mentions - ? WHERE id = ?').run(m.count, m.entity_id);
    this.#sql('DELETE FROM mentions WHERE article_rowid = ?').run(rowid);
    this.#indexArticle(rowid, stored);
  }

  #indexArticle(rowid: number, analysis: Analysis): void {
    const article = analysis.article;
    this.#sql('INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)').run(rowid, article.title, article.paragraphs.join('\n'));
    const entityIds = new Map<string, number>();
    for (const entity of analysis.entities) {
      const entityId = this.#resolveEntity(entity);
      entityIds.set(entity.id, entityId);
      this.#sql(
        `INSERT INTO mentions(article_rowid, entity_id, count, role) VALUES (?, ?, ?, ?)
         ON CONFLICT(article_rowid, entity_id) DO UPDATE SET count = count + excluded.count, role = coalesce(role, excluded.role)`,
      ).run(rowid, entityId, Math.max(1, entity.mentions), entity.role ?? null);
      this.#sql('UPDATE entities SET mentions = mentions + ? WHERE id = ?').run(Math.max(1, entity.mentions), entityId);
    }
    for (const quote of analysis.quotes) {
      const entityId = quote.speakerId ? entityIds.get(quote.speakerId) : undefined;
      this.#sql('INSERT INTO quotes(article_rowid, entity_id, speaker, text, paragraph, partial) VALUES (?, ?, ?, ?, ?, ?)').run(
        rowid,
        entityId ?? null,
        quote.speaker,
        quote.text,
        quote.paragraph,
        quote.partial ? 1 : 0,
      );
    }
  }

  /**
   * Finds the stored entity an article's entity refers to, or creates it. People merge across
   * articles by folded surname when their first names agree (or one side has none), so
   * "Sergei Lavrov" and "Sergey Lavrov" are one person while two Smiths stay two.
   */
  #resolveEntity(entity: Entity): number {
    const forms = [entity.name, ...entity.aliases];
    const { surname, given } = nameParts(entity.name);
    const candidates = this.#sql('SELECT id, name, given_key FROM entities WHERE type = ? AND surname_key = ? ORDER BY mentions DESC').all(
      entity.type,
      surname,
    ) as Array<{ id: number; name: string; given_key: string }>;
    let match: { id: number; name: string; given_key: string } | undefined;
    if (entity.type === 'person') {
      match = candidates.find((c) => c.given_key === given) ?? candidates.find((c) => c.given_key === '' || given === '');
    } else {
      const key = nameKey(entity.name);
      match = candidates.find((c) => nameKey(c.name) === key);
    }
    let id: number;
    if (match) {
      id = match.id;
      // Keep the fullest printed form as the name.
      if (entity.name.length > match.name.length && given !== '') {
        this.#sql('UPDATE entities SET name = ?, given_key = ? WHERE id = ?').run(entity.name, given, id);
        this.#addAlias(id, match.name);
      }
    } else {
      id = Number(
        this.#sql('INSERT INTO entities(type, name, surname_key, given_key) VALUES (?, ?, ?, ?)').run(entity.type, entity.name, surname, given)
          .lastInsertRowid,
      );
    }
    for (const form of forms) this.#addAlias(id, form);
    return id;
  }

  #addAlias(entityId: number, alias: string): void {
    this.#sql('INSERT INTO aliases(entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING').run(entityId, alias);
    for (const word of nameKey(alias).split(/\s+/)) {
      if (word) this.#sql('INSERT INTO entity_words(word, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(word, entityId);
    }
  }

  listAnalyses(query: ArticleQuery = {}): Analysis[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.since) {
      where.push('sort_time >= ?');
      params.push(query.since);
    }
    if (query.until) {
      where.push('sort_time < ?');
      params.push(query.until);
    }
    if (query.feeds && query.feeds.length > 0) {
      where.push(`feed_url IN (${query.feeds.map(() => '?').join(', ')})`);
      params.push(...query.feeds);
    }
    const sql = `SELECT analysis_json FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY sort_time ${
      query.limit ? `DESC LIMIT ${Math.max(0, Math.floor(query.limit))}` : 'ASC'
    }`;
    const rows = this.#db.prepare(sql).all(...params) as Array<{ analysis_json: string }>;
    const analyses = rows.map((r) => JSON.parse(r.analysis_json) as Analysis);
    return query.limit ? analyses.reverse() : analyses;
  }

  getAnalysis(id: string): Analysis | undefined {
    const row = this.#sql('SELECT analysis_json FROM articles WHERE id = ?').get(id) as { analysis_json: string } | undefined;
    return row ? (JSON.parse(row.analysis_json) as Analysis) : undefined;
  }

  countArticles(): number {
    return (this.#sql('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  searchArticles(words: string, limit = 20): Analysis[] {
    const match = ftsQuery(words);
    if (!match) return [];
    const rows = this.#sql(
      `SELECT a.analysis_json FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
       WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 3.0, 1.0) LIMIT ?`,
    ).all(match, limit) as Array<{ analysis_json: string }>;
    return rows.map((r) => JSON.parse(r.analysis_json) as Analysis);
  }

  // ---- people ----

  suggestPeople(prefix: string, limit = 10): PersonSuggestion[] {
    const words = nameKey(prefix).split(/\s+/).filter(Boolean);
    const last = words.at(-1);
    const rows = last
      ? (this.#sql(
          `SELECT DISTINCT e.id, e.name, e.mentions FROM entity_words w JOIN entities e ON e.id = w.entity_id
           WHERE w.word >= ? AND w.word < ? AND e.type = 'person' ORDER BY e.mentions DESC LIMIT ?`,
        ).all(last, last + '\uffff', limit * 4) as Array<{ id: number; name: string; mentions: number }>)
      : (this.#sql(`SELECT id, name, mentions FROM entities WHERE type = 'person' ORDER BY mentions DESC LIMIT ?`).all(limit) as Array<{
          id: number;
          name: string;
          mentions: number;
        }>);
    const others = words.slice(0, -1);
    return rows
      .filter((row) => others.every((w) => this.#entityHasWord(row.id, w)))
      .slice(0, limit)
      .map((row) => {
        const role = this.#commonRole(row.id);
        return { name: row.name, aliases: this.#aliases(row.id, row.name), mentions: row.mentions, ...(role ? { role } : {}) };
      });
  }

  #entityHasWord(entityId: number, word: string): boolean {
    return this.#sql('SELECT 1 FROM entity_words WHERE word = ? AND entity_id = ?').get(word, entityId) !== undefined;
  }

  #aliases(entityId: number, name: string): string[] {
    const rows = this.#sql('SELECT alias FROM aliases WHERE entity_id = ? ORDER BY length(alias) DESC, alias').all(entityId) as Array<{ alias: string }>;
    return rows.map((r) => r.alias).filter((a) => a !== name);
  }

  #commonRole(entityId: number): string | undefined {
    const row = this.#sql(
      `SELECT role, count(*) AS n FROM mentions WHERE entity_id = ? AND role IS NOT NULL GROUP BY lower(role) ORDER BY n DESC, length(role) DESC LIMIT 1`,
    ).get(entityId) as { role: string } | undefined;
    return row?.role;
  }

  /** The person best matching every word of `query` (exact words first, then prefixes). */
  #findPerson(query: string): { id: number; name: string } | undefined {
    const words = nameKey(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return undefined;
    const pick = (exact: boolean) => {
      const clauses = words.map(() => (exact ? 'SELECT entity_id FROM entity_words WHERE word = ?' : 'SELECT entity_id FROM entity_words WHERE word >= ? AND word < ?'));
      const params = words.flatMap((w) => (exact ? [w] : [w, w + '\uffff']));
      return this.#db
        .prepare(`SELECT id, name FROM entities WHERE type = 'person' AND id IN (${clauses.join(' INTERSECT ')}) ORDER BY mentions DESC LIMIT 1`)
        .get(...params) as { id: number; name: string } | undefined;
    };
    return pick(true) ?? pick(false);
  }

  getPerson(query: string): PersonProfile | undefined {
    const person = this.#findPerson(query);
    if (!person) return undefined;
    const outlets = this.#sql(
      `SELECT s.name AS source, count(*) AS mentions FROM mentions m JOIN articles a ON a.rowid = m.article_rowid JOIN sources s ON s.id = a.source_id
       WHERE m.entity_id = ? GROUP BY s.id ORDER BY mentions DESC, s.name`,
    ).all(person.id) as Array<{ source: string; mentions: number }>;
    const stats = this.#sql(
      `SELECT count(*) AS articles, max(a.sort_time) AS last_seen FROM mentions m JOIN articles a ON a.rowid = m.article_rowid WHERE m.entity_id = ?`,
    ).get(person.id) as { articles: number; last_seen: string | null };
    const quoteCount = (this.#sql('SELECT count(*) AS n FROM quotes WHERE entity_id = ? AND partial = 0').get(person.id) as { n: number }).n;
    const role = this.#commonRole(person.id);
    return {
      name: person.name,
      aliases: this.#aliases(person.id, person.name),
      outlets,
      articleCount: stats.articles,
      quoteCount,
      ...(role ? { role } : {}),
      ...(stats.last_seen ? { lastSeen: stats.last_seen } : {}),
    };
  }

  quotesBy(query: string, limit = 5): QuoteItem[] {
    const person = this.#findPerson(query);
    if (!person) return [];
    const rows = this.#sql(
      `SELECT q.text, s.name AS source, a.title, a.url, a.published_at FROM quotes q JOIN articles a ON a.rowid = q.article_rowid JOIN sources s ON s.id = a.source_id
       WHERE q.entity_id = ? AND q.partial = 0 ORDER BY a.sort_time DESC, q.paragraph ASC LIMIT ?`,
    ).all(person.id, limit) as Array<{ text: string; source: string; title: string; url: string | null; published_at: string | null }>;
    return rows.map((r) => ({
      text: r.text,
      speaker: person.name,
      source: r.source,
      title: r.title,
      ...(r.url ? { url: r.url } : {}),
      ...(r.published_at ? { publishedAt: r.published_at } : {}),
    }));
  }

  // ---- feeds ----

  addFeed(feed: { url: string; title?: string; addedBy?: string }): FeedRecord {
    this.#sql('INSERT INTO feeds(url, title, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET title = coalesce(excluded.title, title)').run(
      feed.url,
      feed.title ?? null,
      feed.addedBy ?? null,
      new Date().toISOString(),
    );
    return this.getFeed(feed.url)!;
  }

  removeFeed(url: string): boolean {
    return this.#sql('DELETE FROM feeds WHERE url = ?').run(url).changes > 0;
  }

  listFeeds(): FeedRecord[] {
    return (this.#sql('SELECT * FROM feeds ORDER BY added_at, url').all() as FeedRow[]).map(feedFromRow);
  }

  getFeed(url: string): FeedRecord | undefined {
    const row = this.#sql('SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow | undefined;
    return row ? feedFromRow(row) : undefined;
  }

  updateFeed(url: string, patch: Partial<Omit<FeedRecord, 'url' | 'addedAt'>>): void {
    const columns: Record<string, string> = {
      title: 'title',
      addedBy: 'added_by',
      health: 'health',
      failingSince: 'failing_since',
      lastError: 'last_error',
      lastPolledAt: 'last_polled_at',
      lastOkAt: 'last_ok_at',
      etag: 'etag',
      lastModified: 'last_modified',
      itemCount: 'item_count',
    };
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [key, value] of Object.entries(patch)) {
      const column = columns[key];
      if (!column) continue;
      sets.push(`${column} = ?`);
      params.push(value ?? null);
    }
    if (sets.length === 0) return;
    this.#db.prepare(`UPDATE feeds SET ${sets.join(', ')} WHERE url = ?`).run(...params, url);
  }

  // ---- schedules and the run ledger ----

  saveSchedule(schedule: Schedule): void {
    this.#sql(
      `INSERT INTO schedules(id, origin, data_json, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, data_json = excluded.data_json`,
    ).run(schedule.id, schedule.origin, JSON.stringify(schedule), schedule.createdAt ?? new Date().toISOString());
  }

  removeSchedule(id: string): boolean {
    return this.#sql('DELETE FROM schedules WHERE id = ?').run(id).changes > 0;
  }

  listSchedules(): Schedule[] {
    return (this.#sql('SELECT data_json FROM schedules ORDER BY created_at, id').all() as Array<{ data_json: string }>).map(
      (r) => JSON.parse(r.data_json) as Schedule,
    );
  }

  getSchedule(id: string): Schedule | undefined {
    const row = this.#sql('SELECT data_json FROM schedules WHERE id = ?').get(id) as { data_json: string } | undefined;
    return row ? (JSON.parse(row.data_json) as Schedule) : undefined;
  }

  claimRun(run: Omit<Run, 'updatedAt'>): boolean {
    const result = this.#sql(
      `INSERT INTO runs(id, schedule_id, scheduled_for, target, status, message_ids_json, points_json, error, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    ).run(
      run.id,
      run.scheduleId,
      run.scheduledFor,
      run.target,
      run.status,
      JSON.stringify(run.messageIds),
      JSON.stringify(run.points),
      run.error ?? null,
      new Date().toISOString(),
    );
    return result.changes === 1;
  }

  updateRun(id: string, patch: Partial<Omit<Run, 'id' | 'scheduleId' | 'scheduledFor'>>): void {
    this.#patchRun(id, undefined, patch);
  }

  transitionRun(id: string, from: Run['status'], patch: Partial<Omit<Run, 'id' | 'scheduleId' | 'scheduledFor'>>): boolean {
    return this.#patchRun(id, from, patch);
  }

  #patchRun(id: string, from: Run['status'] | undefined, patch: Partial<Omit<Run, 'id' | 'scheduleId' | 'scheduledFor'>>): boolean {
    const sets: string[] = ['updated_at = ?'];
    const params: unknown[] = [new Date().toISOString()];
    if (patch.status !== undefined) sets.push('status = ?'), params.push(patch.status);
    if (patch.target !== undefined) sets.push('target = ?'), params.push(patch.target);
    if (patch.messageIds !== undefined) sets.push('message_ids_json = ?'), params.push(JSON.stringify(patch.messageIds));
    if (patch.points !== undefined) sets.push('points_json = ?'), params.push(JSON.stringify(patch.points));
    if ('error' in patch) sets.push('error = ?'), params.push(patch.error ?? null);
    const guard = from === undefined ? '' : ' AND status = ?';
    const result = this.#db.prepare(`UPDATE runs SET ${sets.join(', ')} WHERE id = ?${guard}`).run(...params, id, ...(from === undefined ? [] : [from]));
    return result.changes === 1;
  }

  getRun(id: string): Run | undefined {
    const row = this.#sql('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row ? runFromRow(row) : undefined;
  }

  listRuns(scheduleId: string, limit = 50): Run[] {
    return (this.#sql('SELECT * FROM runs WHERE schedule_id = ? ORDER BY scheduled_for DESC, id LIMIT ?').all(scheduleId, limit) as RunRow[]).map(runFromRow);
  }

  lastPostedRun(scheduleId: string, target?: string): Run | undefined {
    const row = (
      target
        ? this.#sql(`SELECT * FROM runs WHERE schedule_id = ? AND target = ? AND status = 'posted' ORDER BY scheduled_for DESC LIMIT 1`).get(scheduleId, target)
        : this.#sql(`SELECT * FROM runs WHERE schedule_id = ? AND status = 'posted' ORDER BY scheduled_for DESC LIMIT 1`).get(scheduleId)
    ) as RunRow | undefined;
    return row ? runFromRow(row) : undefined;
  }

  close(): void {
    this.#statements.clear();
    this.#db.close();
  }
}

interface FeedRow {
  url: string;
  title: string | null;
  added_by: string | null;
  added_at: string;
  health: FeedRecord['health'];
  failing_since: string | null;
  last_error: string | null;
  last_polled_at: string | null;
  last_ok_at: string | null;
  etag: string | null;
  last_modified: string | null;
  item_count: number;
}

function feedFromRow(row: FeedRow): FeedRecord {
  const record: FeedRecord = { url: row.url, addedAt: row.added_at, health: row.health, itemCount: row.item_count };
  if (row.title !== null) record.title = row.title;
  if (row.added_by !== null) record.addedBy = row.added_by;
  if (row.failing_since !== null) record.failingSince = row.failing_since;
  if (row.last_error !== null) record.lastError = row.last_error;
  if (row.last_polled_at !== null) record.lastPolledAt = row.last_polled_at;
  if (row.last_ok_at !== null) record.lastOkAt = row.last_ok_at;
  if (row.etag !== null) record.etag = row.etag;
  if (row.last_modified !== null) record.lastModified = row.last_modified;
  return record;
}

interface RunRow {
  id: string;
  schedule_id: string;
  scheduled_for: string;
  target: string;
  status: Run['status'];
  message_ids_json: string;
  points_json: string;
  error: string | null;
  updated_at: string;
}

function runFromRow(row: RunRow): Run {
  const run: Run = {
    id: row.id,
    scheduleId: row.schedule_id,
    scheduledFor: row.scheduled_for,
    target: row.target,
    status: row.status,
    messageIds: JSON.parse(row.message_ids_json) as string[],
    points: JSON.parse(row.points_json) as string[],
    updatedAt: row.updated_at,
  };
  if (row.error !== null) run.error = row.error;
  return run;
}
