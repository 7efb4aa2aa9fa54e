import type { Analysis } from '../analyze/types.ts';

export type SaveStatus = 'new' | 'updated' | 'duplicate';

export interface SaveResult {
  /** The stored article id (the existing one when the article was a duplicate). */
  id: string;
  status: SaveStatus;
}

export interface ArticleQuery {
  /** ISO; articles published (or first seen, when undated) at or after this time. */
  since?: string;
  until?: string;
  /** Only articles that came from these feeds (URLs or paths). */
  feeds?: string[];
  limit?: number;
}

/** Articles with their analyses: the aggregate every briefing and `/story` reads. */
export interface ArticleStore {
  /** Stores an analysed article; deduplicates by canonical URL/guid and by content hash. */
  saveAnalysis(analysis: Analysis): Promise<SaveResult>;
  /**
   * Stores many analysed articles in one transaction, each deduplicated as `saveAnalysis`
   * does (also against earlier entries of the same list); returns one result per entry, in order.
   */
  saveAnalyses(analyses: readonly Analysis[]): Promise<SaveResult[]>;
  /** Analyses ordered by publication time, oldest first. */
  listAnalyses(query?: ArticleQuery): Promise<Analysis[]>;
  getAnalysis(id: string): Promise<Analysis | undefined>;
  countArticles(): Promise<number>;
  /** Articles whose title or text match all the words, best first (full-text index). */
  searchArticles(words: string, limit?: number): Promise<Analysis[]>;
}
