import type { Analysis, Entity, Quote } from '../../src/analyze/types.ts';

/** A small hand-built Analysis, for tests of parts that sit after the analysis pipeline. */
export function makeAnalysis(overrides: {
  id: string;
  source?: string;
  title?: string;
  url?: string;
  publishedAt?: string;
  paragraphs?: string[];
  entities?: Entity[];
  quotes?: Quote[];
}): Analysis {
  const paragraphs = overrides.paragraphs ?? [`Text of ${overrides.id}.`];
  return {
    article: {
      id: overrides.id,
      source: overrides.source ?? 'Test Outlet',
      title: overrides.title ?? `Title of ${overrides.id}`,
      ...(overrides.url ? { url: overrides.url } : {}),
      ...(overrides.publishedAt ? { publishedAt: overrides.publishedAt } : {}),
      paragraphs,
      removed: [],
    },
    sentences: paragraphs.map((text, paragraph) => ({ text, paragraph, start: 0 })),
    entities: overrides.entities ?? [],
    quotes: overrides.quotes ?? [],
    keyPoints: paragraphs.slice(0, 1),
  };
}

export function person(id: string, name: string, aliases: string[] = [], role?: string): Entity {
  return { id, name, type: 'person', aliases, mentions: 1 + aliases.length, ...(role ? { role } : {}) };
}
