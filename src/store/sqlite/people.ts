import { canonicalSpelling, nameKey, type SpellingVotes } from '../../analyze/aliases.ts';
import type { Analysis, Entity } from '../../analyze/types.ts';
import { BoundedMap } from '../../core/bounded-map.ts';
import { nameParts } from '../keys.ts';
import type { PeopleStore, PersonProfile, PersonSuggestion, QuoteItem } from '../people.ts';
import type { SqliteContext } from './context.ts';

/** Records the article's entities (merged with the stored people), mentions and quotes. */
export function indexPeople(ctx: SqliteContext, rowid: number, analysis: Analysis): void {
  const entityIds = new Map<string, number>();
  const respelt = new Set<number>();
  // The mention rows written below: an article is indexed with none of its own (a new row, or
  // after unindexPeople), so two of its entities that resolve to one person meet here.
  const printedFor = new Map<number, string | null>();
  for (const entity of analysis.entities) {
    const entityId = resolveEntity(ctx, entity);
    entityIds.set(entity.id, entityId);
    const mentions = Math.max(1, entity.mentions);
    // An article votes once per person, with the form its first entity for them printed.
    const earlier = printedFor.has(entityId);
    const printed = earlier ? printedFor.get(entityId)! : entity.type === 'person' ? entity.name : null;
    printedFor.set(entityId, printed);
    ctx
      .sql(
        `INSERT INTO mentions(article_rowid, entity_id, count, role, printed_name) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(article_rowid, entity_id) DO UPDATE SET count = count + excluded.count, role = coalesce(role, excluded.role)`,
      )
      .run(rowid, entityId, mentions, entity.role ?? null, printed);
    ctx.sql('UPDATE entities SET mentions = mentions + ? WHERE id = ?').run(mentions, entityId);
    if (printed !== null) {
      ctx
        .sql(
          `INSERT INTO person_spellings(entity_id, spelling, articles, mentions) VALUES (?, ?, ?, ?)
           ON CONFLICT(entity_id, spelling) DO UPDATE SET articles = articles + excluded.articles, mentions = mentions + excluded.mentions`,
        )
        .run(entityId, printed, earlier ? 0 : 1, mentions);
      respelt.add(entityId);
    }
  }
  for (const entityId of respelt) applyCanonicalSpelling(ctx, entityId);
  for (const quote of analysis.quotes) {
    const entityId = quote.speakerId ? entityIds.get(quote.speakerId) : undefined;
    ctx
      .sql('INSERT INTO quotes(article_rowid, entity_id, speaker, text, paragraph, partial) VALUES (?, ?, ?, ?, ?, ?)')
      .run(rowid, entityId ?? null, quote.speaker, quote.text, quote.paragraph, quote.partial ? 1 : 0);
  }
}

/** Takes back what indexPeople recorded for an article, before it is indexed again. */
export function unindexPeople(ctx: SqliteContext, rowid: number): void {
  ctx.sql('DELETE FROM quotes WHERE article_rowid = ?').run(rowid);
  const old = ctx.sql('SELECT entity_id, count, printed_name FROM mentions WHERE article_rowid = ?').all(rowid) as Array<{
    entity_id: number;
    count: number;
    printed_name: string | null;
  }>;
  for (const m of old) {
    ctx.sql('UPDATE entities SET mentions = mentions - ? WHERE id = ?').run(m.count, m.entity_id);
    if (m.printed_name === null) continue;
    ctx.sql('UPDATE person_spellings SET articles = articles - 1, mentions = mentions - ? WHERE entity_id = ? AND spelling = ?').run(m.count, m.entity_id, m.printed_name);
    ctx.sql('DELETE FROM person_spellings WHERE entity_id = ? AND spelling = ? AND articles <= 0').run(m.entity_id, m.printed_name);
  }
  ctx.sql('DELETE FROM mentions WHERE article_rowid = ?').run(rowid);
  for (const m of old) if (m.printed_name !== null) applyCanonicalSpelling(ctx, m.entity_id);
}

/** Names the person by the spelling their articles' counts choose; a person no article prints keeps the name. */
function applyCanonicalSpelling(ctx: SqliteContext, entityId: number): void {
  const votes = ctx.sql('SELECT spelling, articles, mentions FROM person_spellings WHERE entity_id = ?').all(entityId) as SpellingVotes[];
  const name = canonicalSpelling(votes);
  if (name !== undefined) ctx.sql('UPDATE entities SET name = ? WHERE id = ? AND name <> ?').run(name, entityId, name);
}

/**
 * Finds the stored entity an article's entity refers to, or creates it. People merge across
 * articles by folded surname when their first names agree (or one side has none), so
 * "Sergei Lavrov" and "Sergey Lavrov" are one person while two Smiths stay two.
 */
function resolveEntity(ctx: SqliteContext, entity: Entity): number {
  const { surname, given } = nameParts(entity.name);
  const candidates = ctx
    .sql('SELECT id, name, given_key FROM entities WHERE type = ? AND surname_key = ? ORDER BY mentions DESC')
    .all(entity.type, surname) as Array<{ id: number; name: string; given_key: string }>;
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
    if (entity.type === 'person') {
      // A person's name follows the spelling counts (indexPeople); a surname-only entry learns the given name.
      if (match.given_key === '' && given !== '') ctx.sql('UPDATE entities SET given_key = ? WHERE id = ?').run(given, id);
    } else if (entity.name.length > match.name.length && given !== '') {
      // Keep the fullest printed form as the name.
      ctx.sql('UPDATE entities SET name = ?, given_key = ? WHERE id = ?').run(entity.name, given, id);
      addAlias(ctx, id, match.name);
    }
  } else {
    id = Number(
      ctx.sql('INSERT INTO entities(type, name, surname_key, given_key) VALUES (?, ?, ?, ?)').run(entity.type, entity.name, surname, given).lastInsertRowid,
    );
  }
  for (const form of [entity.name, ...entity.aliases]) addAlias(ctx, id, form);
  return id;
}

/**
 * Per connection, the aliases it has written: aliases are never deleted, and writing one again
 * costs three to five statements for each of an article's thirty-odd entities. Bounded; emptied
 * when a save fails (`forgetWrittenAliases`), since its transaction's rows are then rolled back.
 */
const writtenAliases = new WeakMap<SqliteContext, BoundedMap<string, true>>();
const WRITTEN_ALIASES_LIMIT = 200_000;

export function forgetWrittenAliases(ctx: SqliteContext): void {
  writtenAliases.get(ctx)?.clear();
}

function addAlias(ctx: SqliteContext, entityId: number, alias: string): void {
  let written = writtenAliases.get(ctx);
  if (written === undefined) {
    written = new BoundedMap(WRITTEN_ALIASES_LIMIT);
    writtenAliases.set(ctx, written);
  }
  const key = `${entityId} ${alias}`;
  if (written.has(key)) return;
  written.set(key, true);
  ctx.sql('INSERT INTO aliases(entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING').run(entityId, alias);
  for (const word of nameKey(alias).split(/\s+/)) {
    if (word) ctx.sql('INSERT INTO entity_words(word, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(word, entityId);
  }
}

const namesPerQuery = 500;

export class SqlitePeople implements PeopleStore {
  readonly #ctx: SqliteContext;

  constructor(ctx: SqliteContext) {
    this.#ctx = ctx;
  }

  async suggestPeople(prefix: string, limit = 10): Promise<PersonSuggestion[]> {
    const words = nameKey(prefix).split(/\s+/).filter(Boolean);
    const last = words.at(-1);
    type Row = { id: number; name: string; mentions: number };
    const rows = last
      ? (this.#ctx
          .sql(
            `SELECT DISTINCT e.id, e.name, e.mentions FROM entity_words w JOIN entities e ON e.id = w.entity_id
             WHERE w.word >= ? AND w.word < ? AND e.type = 'person' ORDER BY e.mentions DESC LIMIT ?`,
          )
          .all(last, last + '\uffff', limit * 4) as Row[])
      : (this.#ctx.sql(`SELECT id, name, mentions FROM entities WHERE type = 'person' ORDER BY mentions DESC LIMIT ?`).all(limit) as Row[]);
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
    return this.#ctx.sql('SELECT 1 FROM entity_words WHERE word = ? AND entity_id = ?').get(word, entityId) !== undefined;
  }

  #aliases(entityId: number, name: string): string[] {
    const rows = this.#ctx.sql('SELECT alias FROM aliases WHERE entity_id = ? ORDER BY length(alias) DESC, alias').all(entityId) as Array<{ alias: string }>;
    return rows.map((r) => r.alias).filter((a) => a !== name);
  }

  #commonRole(entityId: number): string | undefined {
    const row = this.#ctx
      .sql(`SELECT role, count(*) AS n FROM mentions WHERE entity_id = ? AND role IS NOT NULL GROUP BY lower(role) ORDER BY n DESC, length(role) DESC LIMIT 1`)
      .get(entityId) as { role: string } | undefined;
    return row?.role;
  }

  /** The person best matching every word of `query` (exact words first, then prefixes). */
  #findPerson(query: string): { id: number; name: string } | undefined {
    const words = nameKey(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return undefined;
    const pick = (exact: boolean) => {
      const clauses = words.map(() => (exact ? 'SELECT entity_id FROM entity_words WHERE word = ?' : 'SELECT entity_id FROM entity_words WHERE word >= ? AND word < ?'));
      const params = words.flatMap((w) => (exact ? [w] : [w, w + '\uffff']));
      return this.#ctx.db
        .prepare(`SELECT id, name FROM entities WHERE type = 'person' AND id IN (${clauses.join(' INTERSECT ')}) ORDER BY mentions DESC LIMIT 1`)
        .get(...params) as { id: number; name: string } | undefined;
    };
    return pick(true) ?? pick(false);
  }

  async getPerson(query: string): Promise<PersonProfile | undefined> {
    const person = this.#findPerson(query);
    if (!person) return undefined;
    const outlets = this.#ctx
      .sql(
        `SELECT s.name AS source, count(*) AS mentions FROM mentions m JOIN articles a ON a.rowid = m.article_rowid JOIN sources s ON s.id = a.source_id
         WHERE m.entity_id = ? GROUP BY s.id ORDER BY mentions DESC, s.name`,
      )
      .all(person.id) as Array<{ source: string; mentions: number }>;
    const stats = this.#ctx
      .sql(`SELECT count(*) AS articles, max(a.sort_time) AS last_seen FROM mentions m JOIN articles a ON a.rowid = m.article_rowid WHERE m.entity_id = ?`)
      .get(person.id) as { articles: number; last_seen: string | null };
    const quoteCount = (this.#ctx.sql('SELECT count(*) AS n FROM quotes WHERE entity_id = ? AND partial = 0').get(person.id) as { n: number }).n;
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

  async canonicalNames(forms: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const distinct = [...new Set(forms)];
    // Within SQLite's bound-parameter limit, whatever it was compiled with.
    for (let start = 0; start < distinct.length; start += namesPerQuery) {
      const chunk = distinct.slice(start, start + namesPerQuery);
      const rows = this.#ctx.db
        .prepare(
          `SELECT a.alias, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id
           WHERE e.type = 'person' AND a.alias IN (${chunk.map(() => '?').join(', ')}) ORDER BY e.mentions DESC, e.id`,
        )
        .all(...chunk) as Array<{ alias: string; name: string }>;
      for (const row of rows) if (!names.has(row.alias)) names.set(row.alias, row.name);
    }
    return names;
  }

  async quotesBy(query: string, limit = 5): Promise<QuoteItem[]> {
    const person = this.#findPerson(query);
    if (!person) return [];
    const rows = this.#ctx
      .sql(
        `SELECT q.text, s.name AS source, a.title, a.url, a.published_at FROM quotes q JOIN articles a ON a.rowid = q.article_rowid JOIN sources s ON s.id = a.source_id
         WHERE q.entity_id = ? AND q.partial = 0 ORDER BY a.sort_time DESC, q.paragraph ASC LIMIT ?`,
      )
      .all(person.id, limit) as Array<{ text: string; source: string; title: string; url: string | null; published_at: string | null }>;
    return rows.map((r) => ({
      text: r.text,
      speaker: person.name,
      source: r.source,
      title: r.title,
      ...(r.url ? { url: r.url } : {}),
      ...(r.published_at ? { publishedAt: r.published_at } : {}),
    }));
  }
}
