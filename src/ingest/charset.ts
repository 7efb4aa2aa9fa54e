/**
 * Turns fetched bytes into text. The charset comes, in order of trust, from a byte order
 * mark, the HTTP Content-Type header, the XML declaration or an HTML meta tag; when nothing
 * declares it and the bytes are not UTF-8, the likeliest legacy charset is guessed.
 */

export type CharsetSource = 'bom' | 'header' | 'declaration' | 'guess' | 'default';

export interface DecodedText {
  text: string;
  /** The WHATWG label the bytes were decoded with ("utf-8", "koi8-r", ...). */
  charset: string;
  source: CharsetSource;
}

const boms: Array<{ bytes: number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The charset TextDecoder knows under this label, or undefined when it knows none. */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const cleaned = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!cleaned) return undefined;
  try {
    return new TextDecoder(cleaned).encoding;
  } catch {
    return undefined;
  }
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined | null): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return normalizeCharset(match?.[2]);
}

/** The encoding named by an XML declaration or an HTML meta tag near the start of the bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // Declarations are ASCII, so latin1 reading of the head is safe whatever the real charset.
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const xml = /<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  if (xml) return normalizeCharset(xml[1]);
  const meta = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head);
  return normalizeCharset(meta?.[1]);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Guesses the charset of bytes that are not UTF-8 and declare nothing: Japanese
 * (Shift_JIS, EUC-JP), Cyrillic (windows-1251 or KOI8-R, told apart by which one yields
 * mostly lowercase letters, as running text does), else windows-1252.
 */
export function guessLegacyCharset(bytes: Uint8Array): string {
  let highBytes = 0;
  for (const byte of bytes) if (byte >= 0x80) highBytes++;
  if (highBytes === 0) return 'utf-8';

  for (const candidate of ['shift_jis', 'euc-jp']) {
    try {
      const text = new TextDecoder(candidate, { fatal: true }).decode(bytes);
      const kana = countMatches(text, /[\u3040-\u30ff]/g);
      const japanese = kana + countMatches(text, /[\u4e00-\u9fff]/g);
      const halfWidth = countMatches(text, /[\uff61-\uff9f]/g);
      const nonAscii = countMatches(text, /[^\x00-\x7f]/g);
      // Latin-1 letters followed by ASCII also pair up into valid kanji; real Japanese text
      // always carries kana between its kanji.
      if (kana > 0 && kana >= japanese * 0.15 && japanese >= nonAscii * 0.7 && halfWidth < japanese * 0.2) return candidate;
    } catch {
      // Not valid in this charset; try the next.
    }
  }

  // Cyrillic text is written in whole words of high bytes; Western text read as windows-1251
  // shows isolated Cyrillic letters inside Latin words ("Notнcias"), so count only runs.
  const asCp1251 = new TextDecoder('windows-1251').decode(bytes);
  const inCyrillicWords = (asCp1251.match(/[\u0410-\u044f\u0401\u0451]{3,}/g) ?? []).join('').length;
  if (inCyrillicWords >= highBytes * 0.6) {
    const asKoi8 = new TextDecoder('koi8-r').decode(bytes);
    const lowercaseShare = (text: string) =>
      countMatches(text, /[\u0430-\u044f\u0451]/g) / Math.max(1, countMatches(text, /[\u0410-\u044f\u0401\u0451]/g));
    return lowercaseShare(asKoi8) > lowercaseShare(asCp1251) ? 'koi8-r' : 'windows-1251';
  }
  return 'windows-1252';
}

/**
 * Decodes bytes to text. Returns the text without a BOM and where its charset came from.
 * A declared charset wins over a guess, but a declaration of UTF-8 on bytes that are not
 * UTF-8 (a common publisher mistake) falls back to the guess rather than producing U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  for (const bom of boms) {
    if (startsWith(bytes, bom.bytes)) {
      return { text: new TextDecoder(bom.charset).decode(bytes.subarray(bom.bytes.length)), charset: bom.charset, source: 'bom' };
    }
  }
  const declared: Array<[string | undefined, CharsetSource]> = [
    [charsetFromContentType(contentType), 'header'],
    [declaredCharset(bytes), 'declaration'],
  ];
  for (const [charset, source] of declared) {
    if (!charset) continue;
    if (charset === 'utf-8' && !isValidUtf8(bytes)) continue;
    return { text: new TextDecoder(charset).decode(bytes), charset, source };
  }
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', source: 'default' };
  const guessed = guessLegacyCharset(bytes);
  return { text: new TextDecoder(guessed).decode(bytes), charset: guessed, source: 'guess' };
}
