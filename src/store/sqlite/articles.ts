import type { Analysis } from '../../analyze/types.ts';
import type { ArticleQuery, ArticleStore, SaveResult } from '../articles.ts';
import { contentHash, safeCanonical, searchTerms } from '../keys.ts';
import { readAnalysis } from '../stored-records.ts';
import type { SqliteContext } from './context.ts';
import { forgetWrittenAliases, indexPeople, unindexPeople } from './people.ts';

interface ArticleRow {
  rowid: number;
  id: string;
  content_hash: string;
}

export class SqliteArticles implements ArticleStore {
  readonly #ctx: SqliteContext;

  constructor(ctx: SqliteContext) {
    this.#ctx = ctx;
  }

  async saveAnalysis(analysis: Analysis): Promise<SaveResult> {
    return this.#inTransaction(() => this.#save(analysis));
  }

  async saveAnalyses(analyses: readonly Analysis[]): Promise<SaveResult[]> {
    return this.#inTransaction(() => analyses.map((analysis) => this.#save(analysis)));
  }

  #inTransaction<T>(write: () => T): T {
    try {
      return this.#ctx.db.transaction(write)();
    } catch (error) {
      forgetWrittenAliases(this.#ctx);
      throw error;
    }
  }

  #save(analysis: Analysis): SaveResult {
    const sql = this.#ctx.sql.bind(this.#ctx);
    const article = analysis.article;
    const hash = contentHash(analysis);
    const canonical = safeCanonical(article.url);
    const existing =
      (sql('SELECT rowid, id, content_hash FROM articles WHERE id = ?').get(article.id) as ArticleRow | undefined) ??
      (canonical ? (sql('SELECT rowid, id, content_hash FROM articles WHERE canonical_url = ?').get(canonical) as ArticleRow | undefined) : undefined);
    if (existing) {
      if (existing.content_hash === hash) return { id: existing.id, status: 'duplicate' };
      this.#replace(existing.rowid, existing.id, analysis, hash, canonical);
      return { id: existing.id, status: 'updated' };
    }
    const sameText = sql('SELECT id FROM articles WHERE content_hash = ?').get(hash) as { id: string } | undefined;
    if (sameText) return { id: sameText.id, status: 'duplicate' };
    this.#insert(analysis, hash, canonical);
    return { id: article.id, status: 'new' };
  }

  #sourceId(name: string): number {
    this.#ctx.sql('INSERT INTO sources(name) VALUES (?) ON CONFLICT(name) DO NOTHING').run(name);
    return (this.#ctx.sql('SELECT id FROM sources WHERE name = ?').get(name) as { id: number }).id;
  }

  #insert(analysis: Analysis, hash: string, canonical: string | null): void {
    const article = analysis.article;
    const now = this.#ctx.now();
    const result = this.#ctx
      .sql(
        `INSERT INTO articles(id, source_id, title, url, canonical_url, feed_url, published_at, first_seen_at, updated_at, sort_time, content_hash, analysis_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
    this.#index(Number(result.lastInsertRowid), analysis);
  }

  #replace(rowid: number, id: string, analysis: Analysis, hash: string, canonical: string | null): void {
    const article = { ...analysis.article, id };
    const stored: Analysis = { ...analysis, article };
    this.#ctx
      .sql(
        `UPDATE articles SET source_id = ?, title = ?, url = ?, canonical_url = ?, feed_url = coalesce(?, feed_url), published_at = coalesce(?, published_at),
           updated_at = ?, sort_time = coalesce(?, sort_time), content_hash = ?, analysis_json = ? WHERE rowid = ?`,
      )
      .run(
        this.#sourceId(article.source),
        article.title,
        article.url ?? null,
        canonical,
        article.feedUrl ?? null,
        article.publishedAt ?? null,
        this.#ctx.now(),
        article.publishedAt ?? null,
        hash,
        JSON.stringify(stored),
        rowid,
      );
    this.#ctx.sql('DELETE FROM articles_fts WHERE rowid = ?').run(rowid);
    unindexPeople(this.#ctx, rowid);
    this.#index(rowid, stored);
  }

  #index(rowid: number, analysis: Analysis): void {
    const article = analysis.article;
    this.#ctx.sql('INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)').run(rowid, article.title, article.paragraphs.join('\n'));
    indexPeople(this.#ctx, rowid, analysis);
  }

  async listAnalyses(query: ArticleQuery = {}): Promise<Analysis[]> {
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
    const sql = `SELECT id, analysis_json FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY sort_time ${
      query.limit ? `DESC LIMIT ${Math.max(0, Math.floor(query.limit))}` : 'ASC'
    }`;
    const rows = this.#ctx.db.prepare(sql).all(...params) as Array<{ id: string; analysis_json: string }>;
    const analyses = rows.map((r) => readAnalysis(r.analysis_json, r.id));
    return query.limit ? analyses.reverse() : analyses;
  }

  async getAnalysis(id: string): Promise<Analysis | undefined> {
    const row = this.#ctx.sql('SELECT analysis_json FROM articles WHERE id = ?').get(id) as { analysis_json: string } | undefined;
    return row ? readAnalysis(row.analysis_json, id) : undefined;
  }

  async countArticles(): Promise<number> {
    return (this.#ctx.sql('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  async searchArticles(words: string, limit = 20): Promise<Analysis[]> {
    const terms = searchTerms(words);
    if (terms.length === 0) return [];
    // Each word a quoted FTS5 term: quotes cannot occur inside a term, so no query syntax gets through.
    const match = terms.map((t) => `"${t}"`).join(' ');
    const rows = this.#ctx
      .sql(
        `SELECT a.id, a.analysis_json FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
         WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 3.0, 1.0) LIMIT ?`,
      )
      .all(match, limit) as Array<{ id: string; analysis_json: string }>;
    return rows.map((r) => readAnalysis(r.analysis_json, r.id));
  }
}
