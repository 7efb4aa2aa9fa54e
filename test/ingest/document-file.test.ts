import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BadArticleError, readDocumentFile } from '../../src/ingest/document-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsbot-document-file-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function failure(path: string): BadArticleError {
  try {
    readDocumentFile(path);
  } catch (error) {
    return error as BadArticleError;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe('readDocumentFile', () => {
  it('takes the first non-empty line of a text file as the title and the rest as text', () => {
    const document = readDocumentFile(file('story.txt', '\n\nHeadline here\nFirst paragraph.\n\nSecond paragraph.\n'));
    expect(document).toMatchObject({ id: 'story', title: 'Headline here' });
    expect(document.text).toContain('First paragraph.');
    expect(document.text).toContain('Second paragraph.');
    expect(document.text).not.toContain('Headline here');
  });

  it('does not take a leading call-to-action banner for the title, but keeps it in the text for cleaning', () => {
    const document = readDocumentFile(file('banner.txt', 'Support Example News!\n\nCity council passes budget\n\nThe council voted on Monday.'));
    expect(document.title).toBe('City council passes budget');
    expect(document.text).toContain('Support Example News!');
  });

  it('reads an .html file, or a file starting with <, as HTML', () => {
    expect(readDocumentFile(file('page.html', '<p>Hi</p>')).html).toBe('<p>Hi</p>');
    expect(readDocumentFile(file('page.dat', '  <!DOCTYPE html><p>Hi</p>')).html).toContain('<p>Hi</p>');
  });

  it('reads a JSON article and keeps its own id, source and date', () => {
    const path = file('a.json', JSON.stringify({ id: 'x-1', title: 'T', source: 'Example News', publishedAt: '2025-01-02T03:04:05Z', text: 'Body.' }));
    expect(readDocumentFile(path)).toEqual({ id: 'x-1', title: 'T', source: 'Example News', publishedAt: '2025-01-02T03:04:05Z', text: 'Body.' });
  });

  it('names the file from its base name when the JSON gives no id', () => {
    expect(readDocumentFile(file('named.json', JSON.stringify({ title: 'T', html: '<p>Body</p>' }))).id).toBe('named');
  });

  it('refuses malformed JSON with E_BAD_ARTICLE and a message naming the file', () => {
    const path = file('broken.json', '{ "title": "T", "text": ');
    const error = failure(path);
    expect(error.code).toBe('E_BAD_ARTICLE');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/malformed JSON/);
  });

  it('refuses JSON that has neither title nor text, saying what is missing', () => {
    const error = failure(file('empty-fields.json', '{"source": "Example"}'));
    expect(error.code).toBe('E_BAD_ARTICLE');
    expect(error.message).toMatch(/missing "title" and "text"/);
  });

  it('refuses an empty or blank file, naming it', () => {
    const path = file('blank.txt', '  \n\n ');
    const error = failure(path);
    expect(error.code).toBe('E_BAD_ARTICLE');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/empty/);
  });

  it('refuses a file that cannot be read, naming it', () => {
    const path = join(dir, 'missing.txt');
    const error = failure(path);
    expect(error.code).toBe('E_BAD_ARTICLE');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/cannot read/);
  });

  it('decodes a saved page in the legacy charset it declares', () => {
    const cyrillic = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in windows-1251
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'), cyrillic, Buffer.from('</p></body></html>')]);
    expect(readDocumentFile(file('legacy.html', page)).html).toContain('Привет');
  });
});
