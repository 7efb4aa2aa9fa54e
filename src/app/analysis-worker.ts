/**
 * The tasks an analysis-pool thread runs: one Article in, its Analysis out; the cleaning of a
 * fetched page or feed item into an Article (HTML parsing and main-text extraction are the
 * costliest work after the analysis); and the building of one story from its cluster. Kept apart from analysis-pool.ts so a worker loads the
 * pipeline and nothing of the pool.
 */
import { analyzeArticle } from '../analyze/pipeline.ts';
import type { Analysis } from '../analyze/types.ts';
import { documentToArticle, EmptyArticleError } from '../ingest/extract/clean.ts';
import type { Article, RawDocument } from '../ingest/article.ts';
import { buildStory as buildStoryHere, type BuildStoryOptions, type BuiltStory } from '../stories/build-story.ts';
import { clusteringTerms } from '../stories/cluster/story-clusters.ts';

export default function analyzeInWorker(article: Article): Analysis {
  return analyzeArticle(article);
}

/**
 * What `analyzeForClustering` sends back: the analysis and its clustering terms, the terms as
 * one newline-joined string (no term holds a line break), which crosses threads far faster
 * than an array of thousands of short strings.
 */
export interface AnalysisWithTerms {
  analysis: Analysis;
  terms: string;
  quoteKeys: Set<string>;
}

export function analyzeForClustering(article: Article): AnalysisWithTerms {
  const analysis = analyzeArticle(article);
  const { terms, quoteKeys } = clusteringTerms(analysis);
  return { analysis, terms: terms.join('\n'), quoteKeys };
}

/** What `toArticle` sends back: the article, or the refusal (an error's class does not cross threads). */
export type CleaningOutcome = { article: Article } | { emptyArticle: string };

export function toArticle(raw: RawDocument): CleaningOutcome {
  try {
    return { article: documentToArticle(raw) };
  } catch (error) {
    if (error instanceof EmptyArticleError) return { emptyArticle: error.message };
    throw error;
  }
}

export function buildStory({ cluster, options }: { cluster: Analysis[]; options: BuildStoryOptions }): BuiltStory {
  return buildStoryHere(cluster, options);
}
