import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Article } from '../ingest/article.ts';

/**
 * Builds an Article from a page's expected main text, the text its gold was annotated on:
 * `expected.txt` gives one paragraph per non-blank line, `expected.html` one per `<p>`.
 * Returns undefined when the folder has neither.
 */
export function articleFromExpectedText(dir: string, id: string, title: string, source: string): Article | undefined {
  const txt = join(dir, 'expected.txt');
  const html = join(dir, 'expected.html');
  let paragraphs: string[];
  if (existsSync(txt)) {
    paragraphs = readFileSync(txt, 'utf8').split(/\r?\n/);
  } else if (existsSync(html)) {
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${readFileSync(html, 'utf8')}</body></html>`);
    paragraphs = Array.from(document.querySelectorAll('p'), (p) => p.textContent ?? '');
  } else {
    return undefined;
  }
  paragraphs = paragraphs.map((p) => p.replace(/[\s\u00a0]+/g, ' ').trim()).filter(Boolean);
  return { id, source, title, paragraphs, removed: [] };
}
