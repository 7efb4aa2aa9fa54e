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

export class PgArticles implements ArticleStore {
  readonly #ctx: PgContext;

  constructor(ctx: PgContext) {
    this.#ctx = ctx;
  }

  async saveAnalysis(analysis: Analysis): Promise<SaveResult> {
    return (await this.saveAnalyses([analysis]))[0]!;
  }

  async saveAnalyses(analyses: readonly Analysis[]): Promise<SaveResult[]> {
    if (analyses.length === 0) return [];
    const prepared = analyses.map((analysis) => {
      const hash = contentHash(analysis);
      const canonical = safeCanonical(analysis.article.url);
      return { analysis, hash, canonical };
    });
    return this.#ctx.transaction(async (client) => {
      await lock(
        client,
        prepared.flatMap((p) => lockKeys(p.analysis, p.hash, p.canonical)),
      );
      const results: SaveResult[] = [];
      for (const p of prepared) results.push(await this.#save(client, p.analysis, p.hash, p.canonical));
      return results;
    });
  }

  async #save(client: pg.ClientBase, analysis: Analysis, hash: string, canonical: string | null): Promise<SaveResult> {
    const article = analysis.article;
    const existing =
      (await this.#ctx.row<ArticleRow>('SELECT rowid, id, content_hash FROM articles WHERE id = $1', [article.id], client)) ??
      (canonical ? await this.#ctx.row<ArticleRow>('SELECT rowid, id, content_hash FROM articles WHERE canonical_url = $1', [canonical], client) : undefined);
    if (existing) {
      if (existing.content_hash === hash) return { id: existing.id, status: 'duplicate' };
      await this.#replace(client, existing.rowid, existing.id, analysis, hash, canonical);
      return { id: existing.id, status: 'updated' };
    }
    const sameText = await this.#ctx.row<{ id: string }>('SELECT id FROM articles WHERE content_hash = $1 LIMIT 1', [hash], client);
    if (sameText) return { id: sameText.id, status: 'duplicate' };
    await this.#insert(client, analysis, hash, canonical);
    return { id: article.id, status: 'new' };
  }

  async #sourceId(client: pg.ClientBase, name: string): Promise<string> {
    await this.#ctx.run('INSERT INTO sources(name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name], client);
    return (await this.#ctx.row<{ id: string }>('SELECT id FROM sources WHERE name = $1', [name], client))!.id;
  }

  async #insert(client: pg.ClientBase, analysis: Analysis, hash: string, canonical: string | null): Promise<void> {
    const article = analysis.article;
    const now = this.#ctx.now();
    const inserted = await this.#ctx.row<{ rowid: string }>(
      `INSERT INTO articles(id, source_id, title, url, canonical_url, feed_url, published_at, first_seen_at, updated_at, sort_time, content_hash, analysis_json, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, setweight(to_tsvector('simple', $12::text), 'A') || setweight(to_tsvector('simple', $13::text), 'B'))
       RETURNING rowid`,
      [
        article.id,
        await this.#sourceId(client, article.source),
        article.title,
        article.url ?? null,
        canonical,
        article.feedUrl ?? null,
        article.publishedAt ?? null,
        now,
        article.publishedAt ?? now,
        hash,
        JSON.stringify(analysis),
        searchText(article.title),
        searchText(article.paragraphs.join('\n')),
      ],
      client,
    );
    await indexPeople(this.#ctx, client, inserted!.rowid, analysis);
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
        await this.#sourceId(client, article.source),
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
    await indexPeople(this.#ctx, client, rowid, stored);
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
