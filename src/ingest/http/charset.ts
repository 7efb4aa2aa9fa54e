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

// Node's windows-1252 decoder is latin1 underneath: it leaves 0x80-0x9F as C1 controls where
// windows-1252 (and so every "iso-8859-1" feed, per the WHATWG encoding standard) has € “ ” — ….
const cp1252High = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes bytes in `charset` (a TextDecoder label), windows-1252 done right. */
export function decodeAs(charset: string, bytes: Uint8Array): string {
  const text = new TextDecoder(charset).decode(bytes);
  if (new TextDecoder(charset).encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (char) => cp1252High[char.charCodeAt(0) - 0x80] ?? char);
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

function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80) && isValidUtf8(bytes);
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
 * Non-ASCII bytes that are valid UTF-8 are read as UTF-8 whatever is declared; otherwise a
 * declared charset wins over a guess, but a declaration of UTF-8 on bytes that are not UTF-8
 * (a common publisher mistake) falls back to the guess rather than producing U+FFFD.
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
  // Non-ASCII bytes that form valid UTF-8 are UTF-8 whatever a server default says (the
  // classic "charset=ISO-8859-1" header on a UTF-8 feed); legacy text almost never is.
  if (hasMultibyteUtf8(bytes)) {
    const source = declared.find(([charset]) => charset === 'utf-8')?.[1] ?? 'guess';
    return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', source };
  }
  for (const [charset, source] of declared) {
    if (!charset) continue;
    if (charset === 'utf-8' && !isValidUtf8(bytes)) continue;
    return { text: decodeAs(charset, bytes), charset, source };
  }
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', source: 'default' };
  const guessed = guessLegacyCharset(bytes);
  return { text: decodeAs(guessed, bytes), charset: guessed, source: 'guess' };
}

// windows-1252 puts printable characters where latin1 has C1 controls; mojibake shows either.
const cp1252Bytes = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  cp1252Bytes.set(String.fromCharCode(byte), byte);
  cp1252Bytes.set(decodeAs('windows-1252', Uint8Array.of(byte)), byte);
}
const continuation = '[\\u0080-\\u00bf\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178]';
const mojibakeRun = new RegExp(`[\\u00c2-\\u00df]${continuation}|[\\u00e0-\\u00ef]${continuation}{2}|[\\u00f0-\\u00f4]${continuation}{3}`, 'g');

/**
 * Repairs UTF-8 text that was once decoded as windows-1252/latin1 ("Ã©" for "é", "â€¦" for
 * "…"). Returns the text with every such sequence turned back into the character it encodes;
 * sequences that do not form valid UTF-8 are left alone.
 */
export function fixMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  return text.replace(mojibakeRun, (run) => {
    const bytes = [...run].map((char) => cp1252Bytes.get(char) ?? char.charCodeAt(0));
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    } catch {
      return run;
    }
  });
}
