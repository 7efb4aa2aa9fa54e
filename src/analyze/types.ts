import type { Article } from '../ingest/article.ts';

export type EntityType = 'person' | 'org' | 'place';
export type Gender = 'male' | 'female';

export interface Sentence {
  text: string;
  /** 0-based index into Article.paragraphs. */
  paragraph: number;
  /** Character offset of the sentence inside its paragraph. */
  start: number;
}

export interface Entity {
  /** Stable within one analysis ("e1", "e2", ...). */
  id: string;
  /** The fullest printed form, without titles ("Sergey Lavrov"). */
  name: string;
  type: EntityType;
  /** Other printed forms ("Lavrov", "Mr. Lavrov"), never including `name`. */
  aliases: string[];
  /** The article's own words for the title, trimmed ("Russian Foreign Minister"). */
  role?: string;
  mentions: number;
  gender?: Gender;
}

export interface Quote {
  /** The quoted words without the opening and closing marks. */
  text: string;
  /** Speaker's entity name (or the printed description when unnamed); null when unknown. */
  speaker: string | null;
  speakerId?: string;
  /** The attribution words that tied the quote to its speaker ("the president wrote"). */
  cue?: string;
  /** 0-based index into Article.paragraphs. */
  paragraph: number;
  /** Fragments under 4 words: scare quotes, single words. Never shown as somebody's quote. */
  partial: boolean;
}

/** One article after the analysis pipeline. */
export interface Analysis {
  article: Article;
  sentences: Sentence[];
  entities: Entity[];
  quotes: Quote[];
  /** Sentences that carry the article's facts, most important first. */
  keyPoints: string[];
  /**
   * ISO 639-1 code of the article's language when the text tells it ("en", "de"). People and
   * quotes are found in English articles only; others keep sentences and key points.
   */
  language?: string;
}

/** The JSON shape of `newsbot analyze --format json` (DESIGN.md "Contracts"). */
export interface AnalysisJson {
  title: string;
  source: string;
  text: string;
  removed: string[];
  sentences: string[];
  entities: Array<{ name: string; type: EntityType; aliases: string[]; role?: string; mentions: number }>;
  quotes: Array<{ text: string; speaker: string | null; partial: boolean; cue?: string }>;
  keyPoints: string[];
  /** Present for an article not in English ("de"): an extra field, the contract's fields keep their shape. */
  language?: string;
}
