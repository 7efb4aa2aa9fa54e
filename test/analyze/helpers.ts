import { analyzeArticle, type AnalysisContext } from '../../src/analyze/pipeline.ts';
import type { Analysis, Entity, Quote } from '../../src/analyze/types.ts';

/** Analyses an article made of the given paragraphs. */
export function analyze(paragraphs: string[], context?: AnalysisContext): Analysis {
  return analyzeArticle({ id: 'test', source: 'Test News', title: 'Test article', paragraphs, removed: [] }, context);
}

/** The quotes of 4+ words, as `[first words, speaker]` pairs. */
export function fullQuotes(analysis: Analysis): Array<[string, string | null]> {
  return analysis.quotes.filter((q: Quote) => !q.partial).map((q) => [q.text.split(/\s+/).slice(0, 4).join(' '), q.speaker]);
}

/** The person entity whose name or aliases include the given form. */
export function person(analysis: Analysis, form: string): Entity | undefined {
  return analysis.entities.find((e) => e.type === 'person' && [e.name, ...e.aliases].includes(form));
}
