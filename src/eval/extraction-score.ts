import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { documentToArticle } from '../ingest/extract/clean.ts';

/** Token overlap of one page's extracted text with its expected text. */
export interface PageScore {
  set: string;
  page: string;
  expectedTokens: number;
  outputTokens: number;
  overlap: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoreFigures {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ExtractionScore extends ScoreFigures {
  bySet: Record<string, ScoreFigures>;
  perPage: PageScore[];
}

/**
 * Word tokens as the extraction benchmark counts them: NFKC, invisible format characters
 * dropped, lowercase, accents folded, apostrophes removed, any other non-letter/digit splits.
 */
export function extractionTokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019\u2018\u02bc`\u00b4]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Precision, recall and F1 of the multiset overlap between expected and output tokens. */
export function tokenOverlap(expected: string, output: string): Omit<PageScore, 'set' | 'page'> {
  const counts = new Map<string, number>();
  const expectedTokens = extractionTokens(expected);
  for (const token of expectedTokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  const outputTokens = extractionTokens(output);
  let overlap = 0;
  for (const token of outputTokens) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(token, left - 1);
    }
  }
  const precision = outputTokens.length ? overlap / outputTokens.length : expectedTokens.length ? 0 : 1;
  const recall = expectedTokens.length ? overlap / expectedTokens.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { expectedTokens: expectedTokens.length, outputTokens: outputTokens.length, overlap, precision, recall, f1 };
}

const blockTags = new Set(
  `address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure footer
  form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead tr ul`.split(/\s+/),
);

/** Text of an expected.html: a line break at block elements, nothing at inline ones. */
function expectedHtmlText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'template') return;
    if (blockTags.has(tag)) parts.push('\n');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (blockTags.has(tag)) parts.push('\n');
  };
  walk(document.body as unknown as Node);
  return parts.join('');
}

function mean(scores: PageScore[]): ScoreFigures {
  const average = (pick: (score: PageScore) => number): number =>
    scores.length ? scores.reduce((sum, score) => sum + pick(score), 0) / scores.length : 0;
  return { pages: scores.length, precision: average((s) => s.precision), recall: average((s) => s.recall), f1: average((s) => s.f1) };
}

/**
 * Scores main-text extraction over `pagesDir/<set>/<page>/source.html` against the page's
 * expected.html (tags stripped) or expected.txt. Returns macro-averaged precision, recall and
 * F1 overall and by set, plus every page's figures; the output text is the article's
 * paragraphs joined by blank lines, as `newsbot analyze` prints it.
 */
export function scoreExtraction(pagesDir: string): ExtractionScore {
  const perPage: PageScore[] = [];
  for (const set of readdirSync(pagesDir).sort()) {
    const setDir = join(pagesDir, set);
    if (!statSync(setDir).isDirectory()) continue;
    for (const page of readdirSync(setDir).sort()) {
      const dir = join(setDir, page);
      const source = join(dir, 'source.html');
      if (!existsSync(source)) continue;
      const expected = existsSync(join(dir, 'expected.html'))
        ? expectedHtmlText(readFileSync(join(dir, 'expected.html'), 'utf8'))
        : existsSync(join(dir, 'expected.txt'))
          ? readFileSync(join(dir, 'expected.txt'), 'utf8')
          : undefined;
      if (expected === undefined) continue;
      const article = documentToArticle({ id: page, html: readFileSync(source, 'utf8') });
      perPage.push({ set, page, ...tokenOverlap(expected, article.paragraphs.join('\n\n')) });
    }
  }
  const sets = [...new Set(perPage.map((score) => score.set))];
  const bySet = Object.fromEntries(sets.map((set) => [set, mean(perPage.filter((score) => score.set === set))]));
  return { ...mean(perPage), bySet, perPage };
}

const figure = (value: number): string => value.toFixed(3);

/**
 * The extraction block of `npm run eval`: per-page token precision/recall/F1 of the main text
 * against the pages' expected text, then the means by set and overall. Returns no lines and a
 * null summary when the evaluation has no pages folder.
 */
export const extractionEvalSection = {
  name: 'extraction',
  run(options: { pagesDir?: string }): { lines: string[]; summary: unknown } {
    if (!options.pagesDir) return { lines: ['no pages folder: skipped'], summary: null };
    const score = scoreExtraction(options.pagesDir);
    const width = Math.max(...score.perPage.map((page) => `${page.set}/${page.page}`.length), 10);
    const lines = [`${'page'.padEnd(width)}      P      R     F1`];
    for (const page of score.perPage) lines.push(`${`${page.set}/${page.page}`.padEnd(width)}  ${figure(page.precision)}  ${figure(page.recall)}  ${figure(page.f1)}`);
    for (const [set, figures] of Object.entries(score.bySet)) lines.push(`${`MEAN ${set}`.padEnd(width)}  ${figure(figures.precision)}  ${figure(figures.recall)}  ${figure(figures.f1)}`);
    lines.push(`${`MEAN (${score.pages} pages)`.padEnd(width)}  ${figure(score.precision)}  ${figure(score.recall)}  ${figure(score.f1)}`);
    const round = (figures: ScoreFigures) => ({ pages: figures.pages, token_precision: +figures.precision.toFixed(4), token_recall: +figures.recall.toFixed(4), token_f1: +figures.f1.toFixed(4) });
    return { lines, summary: { ...round(score), by_set: Object.fromEntries(Object.entries(score.bySet).map(([set, figures]) => [set, round(figures)])) } };
  },
};
