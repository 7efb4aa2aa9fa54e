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
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BadArticleError(path, `cannot read the file (${reason}); check the path and its permissions`);
  }
  const notText = nonTextKind(bytes);
  if (notText !== undefined) throw new BadArticleError(path, `refused: ${notText}, not an article; give an article as text, HTML or JSON`);
  content = decodeFile(bytes);
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

const MAGIC: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF file', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/**
 * What a file is when it is not an article's text, whatever its name says (a binary saved as
 * `photo.html`): an image or archive by its first bytes, binary data by its control bytes, or an
 * OPML list of feeds. Undefined for text.
 */
export function nonTextKind(bytes: Uint8Array): string | undefined {
  for (const [kind, magic] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return kind;
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46 && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'a WebP image';
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary data';
    // Tab, line feed, form feed, carriage return and escape occur in text; other C0 bytes do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control += 1;
  }
  if (head.length > 0 && control / head.length > 0.01) return 'binary data';
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).toLowerCase();
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<opml\b/.test(start)) return 'an OPML list of feeds';
  return undefined;
}
