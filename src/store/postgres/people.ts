import type pg from 'pg';
import { canonicalSpelling, nameKey, type SpellingVotes } from '../../analyze/aliases.ts';
import type { Analysis, Entity } from '../../analyze/types.ts';
import { nameParts } from '../keys.ts';
import type { PeopleStore, PersonProfile, PersonSuggestion, QuoteItem } from '../people.ts';
import type { PgContext } from './context.ts';

/**
 * Records the article's entities (merged with the stored people), mentions and quotes.
 * Runs inside the article's transaction, which holds the advisory locks of its surnames.
 */
export async function indexPeople(ctx: PgContext, client: pg.ClientBase, rowid: string, analysis: Analysis): Promise<void> {
  const entityIds = new Map<string, string>();
  const respelt = new Set<string>();
  for (const entity of analysis.entities) {
    const entityId = await resolveEntity(ctx, client, entity);
    entityIds.set(entity.id, entityId);
    const mentions = Math.max(1, entity.mentions);
    // An article votes once per person, with the form its first entity for them printed.
    const earlier = await ctx.row<{ printed_name: string | null }>(
      'SELECT printed_name FROM mentions WHERE article_rowid = $1 AND entity_id = $2',
      [rowid, entityId],
      client,
    );
    const printed = earlier ? earlier.printed_name : entity.type === 'person' ? entity.name : null;
    await ctx.run(
      `INSERT INTO mentions(article_rowid, entity_id, count, role, printed_name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (article_rowid, entity_id) DO UPDATE SET count = mentions.count + excluded.count, role = coalesce(mentions.role, excluded.role)`,
      [rowid, entityId, mentions, entity.role ?? null, printed],
      client,
    );
    await ctx.run('UPDATE entities SET mentions = mentions + $1 WHERE id = $2', [mentions, entityId], client);
    if (printed !== null) {
      await ctx.run(
        `INSERT INTO person_spellings(entity_id, spelling, articles, mentions) VALUES ($1, $2, $3, $4)
         ON CONFLICT (entity_id, spelling) DO UPDATE SET articles = person_spellings.articles + excluded.articles, mentions = person_spellings.mentions + excluded.mentions`,
        [entityId, printed, earlier ? 0 : 1, mentions],
        client,
      );
      respelt.add(entityId);
    }
  }
  for (const entityId of respelt) await applyCanonicalSpelling(ctx, client, entityId);
  for (const quote of analysis.quotes) {
    const entityId = quote.speakerId ? entityIds.get(quote.speakerId) : undefined;
    await ctx.run(
      'INSERT INTO quotes(article_rowid, entity_id, speaker, text, paragraph, partial) VALUES ($1, $2, $3, $4, $5, $6)',
      [rowid, entityId ?? null, quote.speaker, quote.text, quote.paragraph, quote.partial],
      client,
    );
  }
}

/** Takes back what indexPeople recorded for an article, before it is indexed again. */
export async function unindexPeople(ctx: PgContext, client: pg.ClientBase, rowid: string): Promise<void> {
  await ctx.run('DELETE FROM quotes WHERE article_rowid = $1', [rowid], client);
  await ctx.run(
    `UPDATE entities e SET mentions = e.mentions - m.count FROM mentions m WHERE m.article_rowid = $1 AND m.entity_id = e.id`,
    [rowid],
    client,
  );
  const spelt = await ctx.rows<{ entity_id: string }>(
    `UPDATE person_spellings p SET articles = p.articles - 1, mentions = p.mentions - m.count FROM mentions m
     WHERE m.article_rowid = $1 AND m.entity_id = p.entity_id AND m.printed_name = p.spelling RETURNING p.entity_id`,
    [rowid],
    client,
  );
  await ctx.run('DELETE FROM person_spellings WHERE entity_id = ANY($1::bigint[]) AND articles <= 0', [spelt.map((r) => r.entity_id)], client);
  await ctx.run('DELETE FROM mentions WHERE article_rowid = $1', [rowid], client);
  for (const { entity_id } of spelt) await applyCanonicalSpelling(ctx, client, entity_id);
}

/** Names the person by the spelling their articles' counts choose; a person no article prints keeps the name. */
async function applyCanonicalSpelling(ctx: PgContext, client: pg.ClientBase, entityId: string): Promise<void> {
  const votes = await ctx.rows<SpellingVotes>('SELECT spelling, articles, mentions FROM person_spellings WHERE entity_id = $1', [entityId], client);
  const name = canonicalSpelling(votes);
  if (name !== undefined) await ctx.run('UPDATE entities SET name = $1 WHERE id = $2 AND name <> $1', [name, entityId], client);
}

/** The same merge rule as the SQLite store (see src/store/sqlite/people.ts). */
async function resolveEntity(ctx: PgContext, client: pg.ClientBase, entity: Entity): Promise<string> {
  const { surname, given } = nameParts(entity.name);
  type Candidate = { id: string; name: string; given_key: string };
  const candidates = await ctx.rows<Candidate>(
    'SELECT id, name, given_key FROM entities WHERE type = $1 AND surname_key = $2 ORDER BY mentions DESC, id',
    [entity.type, surname],
    client,
  );
  let match: Candidate | undefined;
  if (entity.type === 'person') {
    match = candidates.find((c) => c.given_key === given) ?? candidates.find((c) => c.given_key === '' || given === '');
  } else {
    const key = nameKey(entity.name);
    match = candidates.find((c) => nameKey(c.name) === key);
  }
  let id: string;
  if (match) {
    id = match.id;
    if (entity.type === 'person') {
      // A person's name follows the spelling counts (indexPeople); a surname-only entry learns the given name.
      if (match.given_key === '' && given !== '') await ctx.run('UPDATE entities SET given_key = $1 WHERE id = $2', [given, id], client);
    } else if (entity.name.length > match.name.length && given !== '') {
      // Keep the fullest printed form as the name.
      await ctx.run('UPDATE entities SET name = $1, given_key = $2 WHERE id = $3', [entity.name, given, id], client);
      await addAlias(ctx, client, id, match.name);
    }
  } else {
    const row = await ctx.row<{ id: string }>(
      'INSERT INTO entities(type, name, surname_key, given_key) VALUES ($1, $2, $3, $4) RETURNING id',
      [entity.type, entity.name, surname, given],
      client,
    );
    id = row!.id;
  }
  for (const form of [entity.name, ...entity.aliases]) await addAlias(ctx, client, id, form);
  return id;
}

async function addAlias(ctx: PgContext, client: pg.ClientBase, entityId: string, alias: string): Promise<void> {
  await ctx.run('INSERT INTO aliases(entity_id, alias) VALUES ($1, $2) ON CONFLICT DO NOTHING', [entityId, alias], client);
  const words = nameKey(alias).split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    await ctx.run('INSERT INTO entity_words(word, entity_id) SELECT w, $2 FROM unnest($1::text[]) AS w ON CONFLICT DO NOTHING', [words, entityId], client);
  }
}

/** The upper bound of a prefix range over "C"-collated words, as SQLite's store uses it. */
function prefixEnd(prefix: string): string {
  return prefix + '\uffff';
}

export class PgPeople implements PeopleStore {
  readonly #ctx: PgContext;

  constructor(ctx: PgContext) {
    this.#ctx = ctx;
  }

  async suggestPeople(prefix: string, limit = 10): Promise<PersonSuggestion[]> {
    const words = nameKey(prefix).split(/\s+/).filter(Boolean);
    const last = words.at(-1);
    type Row = { id: string; name: string; mentions: number };
    const others = words.slice(0, -1);
    // Every earlier word must be a whole word of the person's names, the last one a prefix.
    const rows = last
      ? await this.#ctx.rows<Row>(
          `SELECT e.id, e.name, e.mentions FROM entities e
           WHERE e.type = 'person'
             AND EXISTS (SELECT 1 FROM entity_words w WHERE w.entity_id = e.id AND w.word >= $1 AND w.word < $2)
             AND NOT EXISTS (SELECT 1 FROM unnest($3::text[]) AS o(word) WHERE NOT EXISTS (SELECT 1 FROM entity_words w WHERE w.entity_id = e.id AND w.word = o.word))
           ORDER BY e.mentions DESC, e.id LIMIT $4`,
          [last, prefixEnd(last), others, limit],
        )
      : await this.#ctx.rows<Row>(`SELECT id, name, mentions FROM entities WHERE type = 'person' ORDER BY mentions DESC, id LIMIT $1`, [limit]);
    const suggestions: PersonSuggestion[] = [];
    for (const row of rows) {
      const role = await this.#commonRole(row.id);
      suggestions.push({ name: row.name, aliases: await this.#aliases(row.id, row.name), mentions: row.mentions, ...(role ? { role } : {}) });
    }
    return suggestions;
  }

  async #aliases(entityId: string, name: string): Promise<string[]> {
    const rows = await this.#ctx.rows<{ alias: string }>('SELECT alias FROM aliases WHERE entity_id = $1 ORDER BY length(alias) DESC, alias', [entityId]);
    return rows.map((r) => r.alias).filter((a) => a !== name);
  }

  async #commonRole(entityId: string): Promise<string | undefined> {
    const row = await this.#ctx.row<{ role: string }>(
      `SELECT (array_agg(role ORDER BY length(role) DESC, role))[1] AS role FROM mentions WHERE entity_id = $1 AND role IS NOT NULL
       GROUP BY lower(role) ORDER BY count(*) DESC, max(length(role)) DESC LIMIT 1`,
      [entityId],
    );
    return row?.role;
  }

  /** The person best matching every word of `query` (exact words first, then prefixes). */
  async #findPerson(query: string): Promise<{ id: string; name: string } | undefined> {
    const words = nameKey(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return undefined;
    const exact = await this.#ctx.row<{ id: string; name: string }>(
      `SELECT e.id, e.name FROM entities e WHERE e.type = 'person'
         AND NOT EXISTS (SELECT 1 FROM unnest($1::text[]) AS q(word) WHERE NOT EXISTS (SELECT 1 FROM entity_words w WHERE w.entity_id = e.id AND w.word = q.word))
       ORDER BY e.mentions DESC, e.id LIMIT 1`,
      [words],
    );
    if (exact) return exact;
    return this.#ctx.row<{ id: string; name: string }>(
      `SELECT e.id, e.name FROM entities e WHERE e.type = 'person'
         AND NOT EXISTS (SELECT 1 FROM unnest($1::text[], $2::text[]) AS q(low, high)
                         WHERE NOT EXISTS (SELECT 1 FROM entity_words w WHERE w.entity_id = e.id AND w.word >= q.low AND w.word < q.high))
       ORDER BY e.mentions DESC, e.id LIMIT 1`,
      [words, words.map(prefixEnd)],
    );
  }

  async getPerson(query: string): Promise<PersonProfile | undefined> {
    const person = await this.#findPerson(query);
    if (!person) return undefined;
    const outlets = await this.#ctx.rows<{ source: string; mentions: number }>(
      `SELECT s.name AS source, count(*)::integer AS mentions FROM mentions m JOIN articles a ON a.rowid = m.article_rowid JOIN sources s ON s.id = a.source_id
       WHERE m.entity_id = $1 GROUP BY s.id, s.name ORDER BY mentions DESC, s.name`,
      [person.id],
    );
    const stats = (await this.#ctx.row<{ articles: number; last_seen: string | null }>(
      `SELECT count(*)::integer AS articles, max(a.sort_time) AS last_seen FROM mentions m JOIN articles a ON a.rowid = m.article_rowid WHERE m.entity_id = $1`,
      [person.id],
    ))!;
    const quoteCount = (await this.#ctx.row<{ n: number }>('SELECT count(*)::integer AS n FROM quotes WHERE entity_id = $1 AND NOT partial', [person.id]))!.n;
    const role = await this.#commonRole(person.id);
    return {
      name: person.name,
      aliases: await this.#aliases(person.id, person.name),
      outlets,
      articleCount: stats.articles,
      quoteCount,
      ...(role ? { role } : {}),
      ...(stats.last_seen ? { lastSeen: stats.last_seen } : {}),
    };
  }

  async canonicalNames(forms: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (forms.length === 0) return names;
    const rows = await this.#ctx.rows<{ alias: string; name: string }>(
      `SELECT DISTINCT ON (a.alias) a.alias, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id
       WHERE e.type = 'person' AND a.alias = ANY($1::text[]) ORDER BY a.alias, e.mentions DESC, e.id`,
      [[...new Set(forms)]],
    );
    for (const row of rows) names.set(row.alias, row.name);
    return names;
  }

  async quotesBy(query: string, limit = 5): Promise<QuoteItem[]> {
    const person = await this.#findPerson(query);
    if (!person) return [];
    const rows = await this.#ctx.rows<{ text: string; source: string; title: string; url: string | null; published_at: string | null }>(
      `SELECT q.text, s.name AS source, a.title, a.url, a.published_at FROM quotes q JOIN articles a ON a.rowid = q.article_rowid JOIN sources s ON s.id = a.source_id
       WHERE q.entity_id = $1 AND NOT q.partial ORDER BY a.sort_time DESC, q.paragraph ASC, q.id ASC LIMIT $2`,
      [person.id, limit],
    );
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
