import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { RawDocument } from './article.ts';
import { decodeBytes } from './http/charset.ts';
import { isBannerLine } from './extract/boilerplate.ts';
import { NewsbotError } from '../core/errors.ts';

/** A local article file that cannot be turned into a document; the message names the file. */
export class BadArticleError extends NewsbotError<'E_BAD_ARTICLE'> {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super('E_BAD_ARTICLE', `${path}: ${problem}`);
  }
}

/**
 * Reads one local article file into a RawDocument: plain text (first non-empty line is the
 * title), HTML (`.html`/`.htm` or content starting with `<`), or JSON
 * `{ id?, title, source?, url?, publishedAt?, byline?, text|html }`.
 * A leading banner line ("Support Example News!") is not taken for the title; it stays in
 * the text so cleaning can move it to `removed`.
 * Throws BadArticleError (code E_BAD_ARTICLE) naming the file when it is unreadable, empty,
 * malformed JSON, or carries neither title nor text.
 */
export function readDocumentFile(path: string): RawDocument {
  let content: string;
  try {
    content = decodeFile(readFileSync(path));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BadArticleError(path, `cannot read the file (${reason}); check the path and its permissions`);
  }
  content = content.replace(/^\uFEFF/, '');
  if (content.trim() === '') throw new BadArticleError(path, 'the file is empty; give an article as text, HTML or JSON');

  const extension = extname(path).toLowerCase();
  const id = basename(path, extname(path));
  const start = content.trimStart();
  if (extension === '.json' || (extension !== '.html' && extension !== '.htm' && start.startsWith('{'))) {
    return jsonDocument(path, id, content);
  }
  if (extension === '.html' || extension === '.htm' || start.startsWith('<')) return { id, html: content };
  return textDocument(path, id, content);
}

/**
 * UTF-8 whenever the bytes are valid UTF-8 (saved pages often keep a stale charset
 * declaration); otherwise the BOM, the page's own declaration or a guess decides.
 */
function decodeFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeBytes(bytes).text;
  }
}

function textDocument(path: string, id: string, content: string): RawDocument {
  const lines = content.split(/\r\n|\r|\n/);
  const filled = lines.map((line, index) => ({ line: line.trim(), index })).filter(({ line }) => line !== '');
  const titleLine = filled.find(({ line }) => !isBannerLine(line)) ?? filled[0];
  if (!titleLine) throw new BadArticleError(path, 'the file is empty; give an article as text, HTML or JSON');
  const rest = lines.filter((_, index) => index !== titleLine.index).join('\n');
  if (rest.trim() === '') throw new BadArticleError(path, 'the file has a title line but no text below it');
  return { id, title: titleLine.line, text: rest };
}

const optionalStrings = ['id', 'source', 'url', 'publishedAt', 'byline'] as const;

function jsonDocument(path: string, fallbackId: string, content: string): RawDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new BadArticleError(path, `malformed JSON (${(error as Error).message}); fix the JSON or save the article as plain text`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadArticleError(path, 'the JSON must be one object { title, text|html, source?, url?, publishedAt? }');
  }
  const record = parsed as Record<string, unknown>;
  for (const key of [...optionalStrings, 'title', 'text', 'html'] as const) {
    const value = record[key];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new BadArticleError(path, `"${key}" must be a string`);
    }
  }
  const text = nonEmpty(record.text);
  const html = nonEmpty(record.html);
  const title = nonEmpty(record.title);
  if (text === undefined && html === undefined) {
    throw new BadArticleError(path, title === undefined ? 'missing "title" and "text" (or "html")' : 'missing "text" (or "html")');
  }
  if (title === undefined && html === undefined) throw new BadArticleError(path, 'missing "title"');

  const document: RawDocument = { id: nonEmpty(record.id) ?? fallbackId };
  if (title !== undefined) document.title = title;
  for (const key of ['source', 'url', 'publishedAt', 'byline'] as const) {
    const value = nonEmpty(record[key]);
    if (value !== undefined) document[key] = value;
  }
  if (text !== undefined) document.text = text;
  if (html !== undefined) document.html = html;
  return document;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
