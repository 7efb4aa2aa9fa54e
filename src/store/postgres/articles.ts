import type pg from 'pg';
import type { Analysis } from '../../analyze/types.ts';
import type { ArticleQuery, ArticleStore, SaveResult } from '../articles.ts';
import { contentHash, nameParts, safeCanonical, searchTerms } from '../keys.ts';
import { readAnalysis } from '../stored-records.ts';
import type { PgContext } from './context.ts';
import { indexPeople, unindexPeople } from './people.ts';

interface ArticleRow {
  rowid: string;
  id: string;
  content_hash: string;
}

/** The words of a title or text as the search index keeps them: folded, split as `/story` queries are. */
export function searchText(text: string): string {
  return searchTerms(text).join(' ');
}

/**
 * Keys that two concurrent saves must not interleave on: the article's id, link and text (so
 * two instances saving one article agree on which one is new) and every person it names (so
 * "Sergey Lavrov" is not created twice). Taken sorted, so two savers never wait on each other
 * in a cycle.
 */
export function lockKeys(analysis: Analysis, hash: string, canonical: string | null): string[] {
  const keys = [`id:${analysis.article.id}`, `hash:${hash}`];
  if (canonical) keys.push(`url:${canonical}`);
  for (const entity of analysis.entities) keys.push(`entity:${entity.type}:${nameParts(entity.name).surname}`);
  return keys;
}

export async function lock(client: pg.ClientBase, keys: string[]): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS locks', [keys]);
}

/** An article stored or about to be, as the dedup rules of one batch see it. */
interface KnownArticle {
  id: string;
  hash: string;
  canonical: string | null;
  /** Unset until the pending insert that stores it has run. */
  rowid?: string;
}

/** A new article of the batch waiting for the insert that stores it. */
interface PendingArticle {
  analysis: Analysis;
  known: KnownArticle;
}

/** What one save batch knows of stored articles by id, link and text, kept current as it goes. */
class KnownArticles {
  readonly byId = new Map<string, KnownArticle>();
  readonly byCanonical = new Map<string, KnownArticle>();
  readonly byHash = new Map<string, KnownArticle>();

  constructor(rows: Array<ArticleRow & { canonical_url: string | null }>) {
    for (const row of rows) this.add({ id: row.id, hash: row.content_hash, canonical: row.canonical_url, rowid: row.rowid });
  }

  add(article: KnownArticle): KnownArticle {
    this.byId.set(article.id, article);
    if (article.canonical) this.byCanonical.set(article.canonical, article);
    if (!this.byHash.has(article.hash)) this.byHash.set(article.hash, article);
    return article;
  }

  replaced(article: KnownArticle, hash: string, canonical: string | null): void {
    if (article.canonical && this.byCanonical.get(article.canonical) === article) this.byCanonical.delete(article.canonical);
    if (this.byHash.get(article.hash) === article) this.byHash.delete(article.hash);
    article.hash = hash;
    article.canonical = canonical;
    this.add(article);
  }
}

export class PgArticles implements ArticleStore {
  readonly #ctx: PgContext;

  constructor(ctx: PgContext) {
    this.#ctx = ctx;
  }

  async saveAnalysis(analysis: Analysis): Promise<SaveResult> {
    return (await this.saveAnalyses([analysis]))[0]!;
  }

  /**
   * Looks up every article of the batch that may be stored already in one statement, decides
   * in memory (in order, so later entries see earlier ones), and stores the new articles and
   * their people a few statements per batch. An article that replaces a stored one is written
   * on its own, after the new ones before it, so people are merged in the same order.
   */
  async saveAnalyses(analyses: readonly Analysis[]): Promise<SaveResult[]> {
    if (analyses.length === 0) return [];
    const prepared = analyses.map((analysis) => ({ analysis, hash: contentHash(analysis), canonical: safeCanonical(analysis.article.url) }));
    return this.#ctx.transaction(async (client) => {
      await lock(
        client,
        prepared.flatMap((p) => lockKeys(p.analysis, p.hash, p.canonical)),
      );
      const stored = await this.#ctx.rows<ArticleRow & { canonical_url: string | null }>(
        `SELECT rowid, id, content_hash, canonical_url FROM articles WHERE id = ANY($1::text[]) OR canonical_url = ANY($2::text[]) OR content_hash = ANY($3::text[])`,
        [prepared.map((p) => p.analysis.article.id), prepared.flatMap((p) => (p.canonical ? [p.canonical] : [])), prepared.map((p) => p.hash)],
        client,
      );
      const known = new KnownArticles(stored);
      const results: SaveResult[] = [];
      let pending: PendingArticle[] = [];
      const flush = async () => {
        await this.#insertAll(client, pending);
        pending = [];
      };
      for (const { analysis, hash, canonical } of prepared) {
        const existing = known.byId.get(analysis.article.id) ?? (canonical ? known.byCanonical.get(canonical) : undefined);
        if (existing) {
          if (existing.hash === hash) {
            results.push({ id: existing.id, status: 'duplicate' });
            continue;
          }
          await flush();
          await this.#replace(client, existing.rowid!, existing.id, analysis, hash, canonical);
          known.replaced(existing, hash, canonical);
          results.push({ id: existing.id, status: 'updated' });
          continue;
        }
        const sameText = known.byHash.get(hash);
        if (sameText) {
          results.push({ id: sameText.id, status: 'duplicate' });
          continue;
        }
        pending.push({ analysis, known: known.add({ id: analysis.article.id, hash, canonical }) });
        results.push({ id: analysis.article.id, status: 'new' });
      }
      await flush();
      return results;
    });
  }

  /** The ids of the named sources, created when missing. */
  async #sourceIds(client: pg.ClientBase, names: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(names)];
    await this.#ctx.run('INSERT INTO sources(name) SELECT * FROM unnest($1::text[]) ON CONFLICT (name) DO NOTHING', [unique], client);
    const rows = await this.#ctx.rows<{ id: string; name: string }>('SELECT id, name FROM sources WHERE name = ANY($1::text[])', [unique], client);
    return new Map(rows.map((r) => [r.name, r.id]));
  }

  /** Inserts new articles in one statement, then their people; sets each one's rowid. */
  async #insertAll(client: pg.ClientBase, pending: PendingArticle[]): Promise<void> {
    if (pending.length === 0) return;
    const now = this.#ctx.now();
    const articles = pending.map((p) => p.analysis.article);
    const sources = await this.#sourceIds(client, articles.map((a) => a.source));
    const inserted = await this.#ctx.rows<{ rowid: string; id: string }>(
      `INSERT INTO articles(id, source_id, title, url, canonical_url, feed_url, published_at, first_seen_at, updated_at, sort_time, content_hash, analysis_json, search)
       SELECT a.id, a.source_id, a.title, a.url, a.canonical_url, a.feed_url, a.published_at, $8, $8, coalesce(a.published_at, $8), a.content_hash, a.analysis_json,
              setweight(to_tsvector('simple', a.title_terms), 'A') || setweight(to_tsvector('simple', a.text_terms), 'B')
       FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $9::text[], $10::text[], $11::text[], $12::text[])
         AS a(id, source_id, title, url, canonical_url, feed_url, published_at, content_hash, analysis_json, title_terms, text_terms)
       RETURNING rowid, id`,
      [
        articles.map((a) => a.id),
        articles.map((a) => sources.get(a.source)!),
        articles.map((a) => a.title),
        articles.map((a) => a.url ?? null),
        pending.map((p) => p.known.canonical),
        articles.map((a) => a.feedUrl ?? null),
        articles.map((a) => a.publishedAt ?? null),
        now,
        pending.map((p) => p.known.hash),
        pending.map((p) => JSON.stringify(p.analysis)),
        articles.map((a) => searchText(a.title)),
        articles.map((a) => searchText(a.paragraphs.join('\n'))),
      ],
      client,
    );
    const rowids = new Map(inserted.map((r) => [r.id, r.rowid]));
    for (const p of pending) p.known.rowid = rowids.get(p.known.id)!;
    await indexPeople(
      this.#ctx,
      client,
      pending.map((p) => ({ rowid: p.known.rowid!, analysis: p.analysis })),
    );
  }

  async #replace(client: pg.ClientBase, rowid: string, id: string, analysis: Analysis, hash: string, canonical: string | null): Promise<void> {
    const article = { ...analysis.article, id };
    const stored: Analysis = { ...analysis, article };
    await this.#ctx.run(
      `UPDATE articles SET source_id = $1, title = $2, url = $3, canonical_url = $4, feed_url = coalesce($5, feed_url), published_at = coalesce($6, published_at),
         updated_at = $7, sort_time = coalesce($6, sort_time), content_hash = $8, analysis_json = $9,
         search = setweight(to_tsvector('simple', $10::text), 'A') || setweight(to_tsvector('simple', $11::text), 'B')
       WHERE rowid = $12`,
      [
        (await this.#sourceIds(client, [article.source])).get(article.source),
        article.title,
        article.url ?? null,
        canonical,
        article.feedUrl ?? null,
        article.publishedAt ?? null,
        this.#ctx.now(),
        hash,
        JSON.stringify(stored),
        searchText(article.title),
        searchText(article.paragraphs.join('\n')),
        rowid,
      ],
      client,
    );
    await unindexPeople(this.#ctx, client, rowid);
    await indexPeople(this.#ctx, client, [{ rowid, analysis: stored }]);
  }

  async listAnalyses(query: ArticleQuery = {}): Promise<Analysis[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.since) {
      params.push(query.since);
      where.push(`sort_time >= $${params.length}`);
    }
    if (query.until) {
      params.push(query.until);
      where.push(`sort_time < $${params.length}`);
    }
    if (query.feeds && query.feeds.length > 0) {
      params.push(query.feeds);
      where.push(`feed_url = ANY($${params.length}::text[])`);
    }
    const sql = `SELECT id, analysis_json FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY sort_time ${
      query.limit ? `DESC LIMIT ${Math.max(0, Math.floor(query.limit))}` : 'ASC'
    }`;
    const rows = await this.#ctx.rows<{ id: string; analysis_json: string }>(sql, params);
    const analyses = rows.map((r) => readAnalysis(r.analysis_json, r.id));
    return query.limit ? analyses.reverse() : analyses;
  }

  async getAnalysis(id: string): Promise<Analysis | undefined> {
    const row = await this.#ctx.row<{ analysis_json: string }>('SELECT analysis_json FROM articles WHERE id = $1', [id]);
    return row ? readAnalysis(row.analysis_json, id) : undefined;
  }

  async countArticles(): Promise<number> {
    return (await this.#ctx.row<{ n: number }>('SELECT count(*)::integer AS n FROM articles'))!.n;
  }

  async searchArticles(words: string, limit = 20): Promise<Analysis[]> {
    const terms = searchTerms(words);
    if (terms.length === 0) return [];
    // Terms hold only letters and digits, so joining them with & cannot inject tsquery syntax.
    const rows = await this.#ctx.rows<{ id: string; analysis_json: string }>(
      `SELECT id, analysis_json FROM articles, to_tsquery('simple', $1::text) AS q
       WHERE search @@ q ORDER BY ts_rank(search, q) DESC, sort_time DESC LIMIT $2`,
      [terms.join(' & '), limit],
    );
    return rows.map((r) => readAnalysis(r.analysis_json, r.id));
  }
}
