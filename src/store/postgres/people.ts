import type pg from 'pg';
import { canonicalSpelling, nameKey, type SpellingVotes } from '../../analyze/aliases.ts';
import type { Analysis, Entity } from '../../analyze/types.ts';
import { nameParts } from '../keys.ts';
import type { PeopleStore, PersonProfile, PersonSuggestion, QuoteItem } from '../people.ts';
import type { PgContext } from './context.ts';

/** A stored entity as the merge rule sees it, kept current in memory while a batch is indexed. */
interface KnownEntity {
  id: string;
  name: string;
  givenKey: string;
  mentions: number;
}

/** An article just stored (or emptied by unindexPeople) whose people are to be recorded. */
export interface ArticleToIndex {
  rowid: string;
  analysis: Analysis;
}

const entityKey = (type: string, surname: string) => `${type}\u0000${surname}`;

/**
 * Records the articles' entities (merged with the stored people), mentions and quotes, as if
 * each article were indexed alone and in order, but in a few statements per batch rather than
 * several per entity: the people the batch may merge with are read once and followed in memory.
 * Runs inside the articles' transaction, which holds the advisory locks of their surnames, and
 * expects no mentions or quotes stored yet for these articles.
 */
export async function indexPeople(ctx: PgContext, client: pg.ClientBase, articles: readonly ArticleToIndex[]): Promise<void> {
  if (articles.length === 0) return;
  const wanted = new Map<string, { type: string; surname: string }>();
  for (const { analysis } of articles) {
    for (const entity of analysis.entities) {
      const surname = nameParts(entity.name).surname;
      wanted.set(entityKey(entity.type, surname), { type: entity.type, surname });
    }
  }
  const known = new Map<string, KnownEntity[]>();
  const stored = await ctx.rows<{ id: string; type: string; surname_key: string; name: string; given_key: string; mentions: number }>(
    `SELECT e.id, e.type, e.surname_key, e.name, e.given_key, e.mentions
     FROM entities e JOIN unnest($1::text[], $2::text[]) AS k(type, surname_key) ON e.type = k.type AND e.surname_key = k.surname_key`,
    [[...wanted.values()].map((w) => w.type), [...wanted.values()].map((w) => w.surname)],
    client,
  );
  for (const row of stored) {
    const key = entityKey(row.type, row.surname_key);
    known.set(key, [...(known.get(key) ?? []), { id: row.id, name: row.name, givenKey: row.given_key, mentions: row.mentions }]);
  }

  const renamed = new Map<string, KnownEntity>();
  const aliases = new Map<string, Set<string>>();
  const addAlias = (entityId: string, alias: string) => aliases.set(entityId, (aliases.get(entityId) ?? new Set()).add(alias));
  const addedMentions = new Map<string, number>();
  const spellings = new Map<string, { entityId: string; spelling: string; articles: number; mentions: number }>();
  const mentionRows: Array<{ rowid: string; entityId: string; count: number; role: string | null; printed: string | null }> = [];
  const quoteRows: Array<{ rowid: string; entityId: string | null; speaker: string | null; text: string; paragraph: number; partial: boolean }> = [];

  /** The same merge rule as the SQLite store (see src/store/sqlite/people.ts). */
  async function resolveEntity(entity: Entity): Promise<KnownEntity> {
    const { surname, given } = nameParts(entity.name);
    const key = entityKey(entity.type, surname);
    const candidates = [...(known.get(key) ?? [])].sort((a, b) => b.mentions - a.mentions || compareIds(a.id, b.id));
    let match: KnownEntity | undefined;
    if (entity.type === 'person') {
      match = candidates.find((c) => c.givenKey === given) ?? candidates.find((c) => c.givenKey === '' || given === '');
    } else {
      const nameKeyOfEntity = nameKey(entity.name);
      match = candidates.find((c) => nameKey(c.name) === nameKeyOfEntity);
    }
    if (match) {
      if (entity.type === 'person') {
        // A person's name follows the spelling counts (below); a surname-only entry learns the given name.
        if (match.givenKey === '' && given !== '') {
          match.givenKey = given;
          renamed.set(match.id, match);
        }
      } else if (entity.name.length > match.name.length && given !== '') {
        // Keep the fullest printed form as the name.
        addAlias(match.id, match.name);
        match.name = entity.name;
        match.givenKey = given;
        renamed.set(match.id, match);
      }
    } else {
      const row = await ctx.row<{ id: string }>('INSERT INTO entities(type, name, surname_key, given_key) VALUES ($1, $2, $3, $4) RETURNING id', [entity.type, entity.name, surname, given], client);
      match = { id: row!.id, name: entity.name, givenKey: given, mentions: 0 };
      known.set(key, [...(known.get(key) ?? []), match]);
    }
    for (const form of [entity.name, ...entity.aliases]) addAlias(match.id, form);
    return match;
  }

  for (const { rowid, analysis } of articles) {
    const entityIds = new Map<string, string>();
    const mentionsOfArticle = new Map<string, (typeof mentionRows)[number]>();
    for (const entity of analysis.entities) {
      const resolved = await resolveEntity(entity);
      entityIds.set(entity.id, resolved.id);
      const mentions = Math.max(1, entity.mentions);
      // An article votes once per person, with the form its first entity for them printed.
      const earlier = mentionsOfArticle.get(resolved.id);
      const printed = earlier ? earlier.printed : entity.type === 'person' ? entity.name : null;
      if (earlier) {
        earlier.count += mentions;
        earlier.role ??= entity.role ?? null;
      } else {
        const row = { rowid, entityId: resolved.id, count: mentions, role: entity.role ?? null, printed };
        mentionsOfArticle.set(resolved.id, row);
        mentionRows.push(row);
      }
      resolved.mentions += mentions;
      addedMentions.set(resolved.id, (addedMentions.get(resolved.id) ?? 0) + mentions);
      if (printed !== null) {
        const key = `${resolved.id}\u0000${printed}`;
        const votes = spellings.get(key) ?? { entityId: resolved.id, spelling: printed, articles: 0, mentions: 0 };
        votes.articles += earlier ? 0 : 1;
        votes.mentions += mentions;
        spellings.set(key, votes);
      }
    }
    for (const quote of analysis.quotes) {
      const entityId = quote.speakerId ? entityIds.get(quote.speakerId) : undefined;
      quoteRows.push({ rowid, entityId: entityId ?? null, speaker: quote.speaker, text: quote.text, paragraph: quote.paragraph, partial: quote.partial });
    }
  }

  if (renamed.size > 0) {
    const changed = [...renamed.values()];
    await ctx.run(
      `UPDATE entities e SET name = c.name, given_key = c.given_key FROM unnest($1::bigint[], $2::text[], $3::text[]) AS c(id, name, given_key) WHERE e.id = c.id`,
      [changed.map((c) => c.id), changed.map((c) => c.name), changed.map((c) => c.givenKey)],
      client,
    );
  }
  const aliasPairs = [...aliases].flatMap(([entityId, forms]) => [...forms].map((alias) => ({ entityId, alias })));
  await ctx.run('INSERT INTO aliases(entity_id, alias) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING', [aliasPairs.map((a) => a.entityId), aliasPairs.map((a) => a.alias)], client);
  const wordPairs = aliasPairs.flatMap(({ entityId, alias }) => nameKey(alias).split(/\s+/).filter(Boolean).map((word) => ({ entityId, word })));
  await ctx.run('INSERT INTO entity_words(word, entity_id) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING', [wordPairs.map((w) => w.word), wordPairs.map((w) => w.entityId)], client);
  await ctx.run(
    `INSERT INTO mentions(article_rowid, entity_id, count, role, printed_name) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::integer[], $4::text[], $5::text[])`,
    [mentionRows.map((m) => m.rowid), mentionRows.map((m) => m.entityId), mentionRows.map((m) => m.count), mentionRows.map((m) => m.role), mentionRows.map((m) => m.printed)],
    client,
  );
  await ctx.run('UPDATE entities e SET mentions = e.mentions + a.n FROM unnest($1::bigint[], $2::integer[]) AS a(id, n) WHERE e.id = a.id', [[...addedMentions.keys()], [...addedMentions.values()]], client);
  const votes = [...spellings.values()];
  if (votes.length > 0) {
    await ctx.run(
      `INSERT INTO person_spellings(entity_id, spelling, articles, mentions) SELECT * FROM unnest($1::bigint[], $2::text[], $3::integer[], $4::integer[])
       ON CONFLICT (entity_id, spelling) DO UPDATE SET articles = person_spellings.articles + excluded.articles, mentions = person_spellings.mentions + excluded.mentions`,
      [votes.map((v) => v.entityId), votes.map((v) => v.spelling), votes.map((v) => v.articles), votes.map((v) => v.mentions)],
      client,
    );
    await applyCanonicalSpellings(ctx, client, [...new Set(votes.map((v) => v.entityId))]);
  }
  await ctx.run(
    'INSERT INTO quotes(article_rowid, entity_id, speaker, text, paragraph, partial) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::integer[], $6::boolean[])',
    [quoteRows.map((q) => q.rowid), quoteRows.map((q) => q.entityId), quoteRows.map((q) => q.speaker), quoteRows.map((q) => q.text), quoteRows.map((q) => q.paragraph), quoteRows.map((q) => q.partial)],
    client,
  );
}

/** Orders bigint ids as numbers, as `ORDER BY id` does. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
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
  await applyCanonicalSpellings(ctx, client, [...new Set(spelt.map((r) => r.entity_id))]);
}

/** Names each person by the spelling their articles' counts choose; a person no article prints keeps the name. */
async function applyCanonicalSpellings(ctx: PgContext, client: pg.ClientBase, entityIds: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  const rows = await ctx.rows<SpellingVotes & { entity_id: string }>('SELECT entity_id, spelling, articles, mentions FROM person_spellings WHERE entity_id = ANY($1::bigint[])', [entityIds], client);
  const votesOf = new Map<string, SpellingVotes[]>();
  for (const { entity_id, ...votes } of rows) votesOf.set(entity_id, [...(votesOf.get(entity_id) ?? []), votes]);
  const named = entityIds.flatMap((id) => {
    const name = canonicalSpelling(votesOf.get(id) ?? []);
    return name === undefined ? [] : [{ id, name }];
  });
  await ctx.run(
    'UPDATE entities e SET name = c.name FROM unnest($1::bigint[], $2::text[]) AS c(id, name) WHERE e.id = c.id AND e.name <> c.name',
    [named.map((n) => n.id), named.map((n) => n.name)],
    client,
  );
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
