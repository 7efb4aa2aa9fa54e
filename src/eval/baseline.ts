import nlp from 'compromise';
import type { ScoredAnalysis } from './score-quotes.ts';

const MARKS = /^[\s"“”„«»']+|[\s"“”„«»']+$/g;

/**
 * The peer baseline: compromise's `quotations()` and `people()` over the same text. It finds
 * quotes but attributes none, so its speaker figures are zero by construction.
 */
export function baselineAnalysis(title: string, paragraphs: readonly string[]): ScoredAnalysis {
  const quotes: ScoredAnalysis['quotes'] = [];
  const people = new Map<string, number>();
  for (const paragraph of [title, ...paragraphs]) {
    const doc = nlp(paragraph);
    for (const q of doc.quotations().out('array') as string[]) {
      const text = q.replace(MARKS, '');
      quotes.push({ text, speaker: null, partial: text.split(/\s+/).length < 4 });
    }
    for (const p of doc.people().out('array') as string[]) {
      const name = p.replace(/[.,;:!?'"“”]+$/g, '').trim();
      if (name) people.set(name, (people.get(name) ?? 0) + 1);
    }
  }
  return {
    quotes,
    entities: [...people.entries()].map(([name, mentions]) => ({ name, type: 'person' as const, aliases: [], mentions })),
  };
}
