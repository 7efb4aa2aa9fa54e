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

export default function analyzeInWorker(article: Article): Analysis {
  return analyzeArticle(article);
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
