import { singleSpaced } from '../core/plain-text.ts';
import type { Article } from '../ingest/article.ts';
import { isCaption } from '../ingest/extract/boilerplate.ts';
import { findEntities, type KnownPerson } from './entities/find-entities.ts';
import { selectKeyPoints } from './key-points.ts';
import { detectLanguage } from './language.ts';
import { attributeQuotes } from './quotes/attribution.ts';
import { findQuoteSpans, normaliseQuoteMarks } from './quotes/spans.ts';
import { splitSentences } from './sentences.ts';
import type { Analysis } from './types.ts';

/** What the analysis may know beyond the article itself. */
export interface AnalysisContext {
  /**
   * People named in other articles of the same story: lets "the wartime leader" or a bare
   * surname resolve to somebody this article names only in passing.
   */
  knownPeople?: KnownPerson[];
}

export type { KnownPerson };

/** "... Ilya Yermakov / TASS": the photographer is no person of the story. */
const PHOTO_CREDIT = /[.;]?\s*[^.;]*\/\s*[^./]*$/;

/** Invisible characters that split words in the middle (soft hyphens, zero-width marks). */
// An alternation, not a class: a joiner inside a class reads as a joined character to linters.
const INVISIBLE = /\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g;

/**
 * Analyses one article: its language, sentences, then entities (people with roles and aliases, organisations,
 * places), then quotes with their speakers, then key points. This is the one place where the
 * order of the stages is written down; each stage reads what the earlier ones found.
 * Returns the analysis with `article.paragraphs` cleared of invisible characters, which is the
 * text every offset refers to.
 */
export function analyzeArticle(article: Article, context: AnalysisContext = {}): Analysis {
  const paragraphs = article.paragraphs.map((p) => normaliseQuoteMarks(singleSpaced(p.replace(INVISIBLE, '')).trim())).filter(Boolean);
  const known = context.knownPeople ?? [];
  const sentences = splitSentences(paragraphs);
  // Photo captions were cleaned out of the text, but they name people with their full titles.
  const captions = article.removed.filter(isCaption).map((c) => c.replace(INVISIBLE, '').replace(PHOTO_CREDIT, ''));
  const language = detectLanguage(`${article.title}\n${paragraphs.join('\n')}`);
  // The people and quote rules read English: another language is marked and left unmined.
  const english = language === undefined || language === 'en';
  const findings = english ? findEntities(paragraphs, known, captions) : { entities: [], mentions: [] };
  const quotes = english ? attributeQuotes(paragraphs, findQuoteSpans(paragraphs), sentences, findings, known) : [];
  const keyPoints = selectKeyPoints(sentences, findings.mentions, quotes);
  return {
    article: { ...article, paragraphs },
    sentences,
    entities: findings.entities.sort((a, b) => b.mentions - a.mentions || Number(a.id.slice(1)) - Number(b.id.slice(1))),
    quotes,
    keyPoints,
    ...(language ? { language } : {}),
  };
}
