import { sentenceBounds } from '../sentences.ts';

/** One run of text between double quotation marks, as printed in one paragraph. */
export interface QuoteSpan {
  paragraph: number;
  /** Offset of the first quoted character (after the opening mark). */
  start: number;
  /** Offset just past the last quoted character (before the closing mark). */
  end: number;
  text: string;
  /** The paragraph ends before the quote closes: the next paragraph usually continues it. */
  unclosed: boolean;
  /** No opening mark was printed: the quote runs from the paragraph start to a stray closing mark. */
  openedBefore: boolean;
}

const QUOTE_MARKS = /["“”„«»″]/g;
const CURLY_OPEN = '“„«';
const CURLY_CLOSE = '”»';

/** Two apostrophes standing for a double quotation mark: not between two letters or digits. */
const DOUBLED_APOSTROPHES = /(?<![\p{L}\p{N}])''|''(?![\p{L}\p{N}])/gu;

/**
 * Archives and wire copy (the New York Times' among them) print quotation marks as two
 * apostrophes; they become one straight double mark, so the quote rules read them like any other.
 */
export function normaliseQuoteMarks(text: string): string {
  return text.includes("''") ? text.replace(DOUBLED_APOSTROPHES, '"') : text;
}

/**
 * Finds the double-quoted segments of every paragraph. Curly marks pair by shape, straight
 * marks by position (an opening mark follows a space, a bracket or a dash). A paragraph that
 * opens a quote without closing it yields a span to its end; single-quoted text is not a quote.
 */
export function findQuoteSpans(paragraphs: readonly string[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  paragraphs.forEach((text, paragraph) => {
    let openAt = -1;
    let sawMark = false;
    for (const mark of text.matchAll(QUOTE_MARKS)) {
      const i = mark.index;
      const ch = mark[0];
      const prev = i > 0 ? text[i - 1]! : ' ';
      const next = i + 1 < text.length ? text[i + 1]! : ' ';
      let role: 'open' | 'close' | null = null;
      if (CURLY_OPEN.includes(ch)) role = openAt >= 0 && ch === '„' ? null : 'open';
      else if (CURLY_CLOSE.includes(ch)) role = 'close';
      else if (ch === '"' || ch === '″') {
        if (openAt >= 0) role = 'close';
        else if (/[\s([{\u2014\u2013\-:/]/.test(prev) || i === 0) role = 'open';
        else if (/[\s.,;:!?)\]]/.test(next)) role = 'close';
        else role = 'open';
      }
      if (role === 'open') {
        if (openAt < 0) openAt = i + 1;
        sawMark = true;
      } else if (role === 'close') {
        if (openAt >= 0) {
          pushSpan(spans, text, paragraph, openAt, i, false, false);
          openAt = -1;
        } else if (!sawMark && i > 0) {
          // A stray closing mark with nothing opened in this paragraph: the opening mark
          // was lost (or printed as an image), so the quote started with its sentence.
          // At the paragraph's very end it closes a block quote: the whole paragraph.
          const atEnd = text.slice(i + 1).trim() === '';
          const sentenceStart = atEnd ? 0 : sentenceBounds(text).map(([start]) => start).filter((start) => start < i).pop() ?? 0;
          pushSpan(spans, text, paragraph, sentenceStart, i, false, true);
        }
        sawMark = true;
      }
    }
    if (openAt >= 0) pushSpan(spans, text, paragraph, openAt, text.length, true, false);
  });
  return spans;
}

function pushSpan(
  spans: QuoteSpan[],
  text: string,
  paragraph: number,
  start: number,
  end: number,
  unclosed: boolean,
  openedBefore: boolean,
): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) return;
  spans.push({ paragraph, start: s, end: e, text: text.slice(s, e), unclosed, openedBefore });
}

