import type { Mention } from './entities/find-entities.ts';
import type { Quote, Sentence } from './types.ts';

/**
 * Returns up to `limit` sentences that carry the article's facts, most important first:
 * early sentences naming people, organisations, places or figures score highest; sentences
 * that are mostly quotation, questions or too short to stand alone are left out.
 */
export function selectKeyPoints(sentences: readonly Sentence[], mentions: readonly Mention[], quotes: readonly Quote[], limit = 5): string[] {
  const byParagraph = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = byParagraph.get(m.paragraph);
    if (list) list.push(m);
    else byParagraph.set(m.paragraph, [m]);
  }
  const quotesByParagraph = new Map<number, Quote[]>();
  for (const q of quotes) {
    const list = quotesByParagraph.get(q.paragraph);
    if (list) list.push(q);
    else quotesByParagraph.set(q.paragraph, [q]);
  }
  const scored = sentences.map((sentence, index) => {
    const end = sentence.start + sentence.text.length;
    const named = new Set(
      (byParagraph.get(sentence.paragraph) ?? []).filter((m) => m.start >= sentence.start && m.end <= end).map((m) => m.entityId),
    ).size;
    const quoted = (quotesByParagraph.get(sentence.paragraph) ?? [])
      .filter((q) => sentence.text.includes(q.text.slice(0, 40)))
      .reduce((sum, q) => sum + Math.min(q.text.length, sentence.text.length), 0);
    const words = whitespaceRuns(sentence.text) + 1; // = sentence.text.split(/\s+/).length, without the array
    let score = named * 2 + (/\d/.test(sentence.text) ? 1 : 0) + 6 / (1 + sentence.paragraph) + 2 / (1 + index);
    if (quoted > sentence.text.length / 2) score -= 4;
    if (words < 6 || words > 60 || sentence.text.endsWith('?')) score -= 5;
    return { text: sentence.text, score, index };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.text);
}

/** How many runs of whitespace (\s) the text holds. */
function whitespaceRuns(text: string): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c > 127 && WHITESPACE.test(text[i]!));
    if (space && !inRun) runs++;
    inRun = space;
  }
  return runs;
}

const WHITESPACE = /\s/;
