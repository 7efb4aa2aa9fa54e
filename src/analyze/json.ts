import type { Analysis, AnalysisJson } from './types.ts';

/**
 * Returns the JSON of `newsbot analyze --format json` (DESIGN.md "Contracts"): `text` is the
 * paragraphs joined by blank lines, `removed` the boilerplate cleaning took out. Optional
 * fields (`role`, `cue`) are left out rather than set to null; `language` is there only for an
 * article not in English, whose people and quotes were therefore not mined.
 */
export function toAnalysisJson(analysis: Analysis): AnalysisJson {
  const { article } = analysis;
  return {
    title: article.title,
    source: article.source,
    text: article.paragraphs.join('\n\n'),
    removed: [...article.removed],
    sentences: analysis.sentences.map((s) => s.text),
    entities: analysis.entities.map((e) => ({
      name: e.name,
      type: e.type,
      aliases: [...e.aliases],
      ...(e.role ? { role: e.role } : {}),
      mentions: e.mentions,
    })),
    quotes: analysis.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker,
      partial: q.partial,
      ...(q.cue ? { cue: q.cue } : {}),
    })),
    keyPoints: [...analysis.keyPoints],
    // English is the default the contract was written for: the field marks an article in another language.
    ...(analysis.language && analysis.language !== 'en' ? { language: analysis.language } : {}),
  };
}
