import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBytes, guessLegacyCharset } from '../../src/ingest/http/charset.ts';

/** Encodes text in a single-byte legacy charset by inverting TextDecoder's table. */
function encodeSingleByte(text: string, charset: string): Uint8Array {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((char) => table.get(char) ?? 0x3f));
}

const russian = 'Правительство объявило о новых мерах поддержки для малого бизнеса в регионах.';
const portuguese = 'Notícias: o governo anunciou ações e medidas econômicas nesta terça-feira.';

describe('charset detection', () => {
  it('GIVEN a BOM THEN it wins and is not part of the text', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<rss/>')]);
    expect(decodeBytes(bytes, 'text/xml; charset=iso-8859-1')).toEqual({ text: '<rss/>', charset: 'utf-8', source: 'bom' });
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00, 0x3e, 0x00]);
    expect(decodeBytes(utf16).text).toBe('<a>');
  });

  it('GIVEN a charset in the header THEN it beats the XML declaration', () => {
    const bytes = encodeSingleByte(`<?xml version="1.0" encoding="utf-8"?><t>${russian}</t>`, 'windows-1251');
    expect(charsetFromContentType('application/rss+xml; charset="windows-1251"')).toBe('windows-1251');
    expect(decodeBytes(bytes, 'application/rss+xml; charset=windows-1251').text).toContain(russian);
  });

  it('GIVEN only an XML declaration THEN it names the charset', () => {
    const bytes = encodeSingleByte(`<?xml version="1.0" encoding="KOI8-R"?><t>${russian}</t>`, 'koi8-r');
    const decoded = decodeBytes(bytes, 'text/xml');
    expect(decoded).toMatchObject({ charset: 'koi8-r', source: 'declaration' });
    expect(decoded.text).toContain(russian);
  });

  it('GIVEN a false claim of UTF-8 on legacy bytes THEN the bytes are guessed instead of turning into U+FFFD', () => {
    const bytes = encodeSingleByte(`<?xml version="1.0" encoding="utf-8"?><t>${portuguese}</t>`, 'windows-1252');
    const decoded = decodeBytes(bytes, 'text/xml; charset=utf-8');
    expect(decoded.text).toContain(portuguese);
    expect(decoded.source).toBe('guess');
  });

  it.each([
    ['windows-1251', russian],
    ['koi8-r', russian],
    ['windows-1252', portuguese],
  ])('GIVEN undeclared %s text THEN the guess reads it back', (charset, text) => {
    expect(guessLegacyCharset(encodeSingleByte(text, charset))).toBe(charset);
  });

  it('GIVEN undeclared Shift_JIS text THEN the guess reads it back', () => {
    // "東京で新しい駅が開業しました" in Shift_JIS.
    const bytes = Uint8Array.from([
      0x93, 0x8c, 0x8b, 0x9e, 0x82, 0xc5, 0x90, 0x56, 0x82, 0xb5, 0x82, 0xa2, 0x89, 0x77, 0x82, 0xaa, 0x8a, 0x4a, 0x8b, 0xc6, 0x82, 0xb5, 0x82, 0xdc, 0x82, 0xb5, 0x82, 0xbd,
    ]);
    expect(guessLegacyCharset(bytes)).toBe('shift_jis');
    expect(decodeBytes(bytes).text).toBe('東京で新しい駅が開業しました');
  });
});

describe('conflicting declarations', () => {
  it('GIVEN a UTF-8 feed served with a latin1 header THEN it is read as UTF-8', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><t>Café “quoted” — São Paulo</t>');
    const decoded = decodeBytes(bytes, 'text/xml; charset=ISO-8859-1');
    expect(decoded.text).toContain('Café “quoted” — São Paulo');
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'declaration' });
  });
});

describe('mojibake', () => {
  it('GIVEN UTF-8 once misread as windows-1252 or latin1 THEN the characters come back', async () => {
    const { fixMojibake } = await import('../../src/ingest/http/charset.ts');
    expect(fixMojibake('CafÃ© â€œopenâ€\u009d â€¦')).toBe('Café “open” …');
    expect(fixMojibake('\u00e2\u0080\u00a6')).toBe('…');
  });

  it('GIVEN ordinary accented text THEN it is left alone', async () => {
    const { fixMojibake } = await import('../../src/ingest/http/charset.ts');
    for (const text of ['Notícias de São Paulo', 'Größe über Äpfel', 'À bientôt, Señor Ñandú', 'Ã la carte']) expect(fixMojibake(text)).toBe(text);
  });
});

describe('windows-1252', () => {
  it('GIVEN curly quotes, dashes and the euro sign in windows-1252 THEN they decode to those characters', () => {
    const bytes = Uint8Array.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x85]);
    expect(decodeBytes(bytes, 'text/xml; charset=iso-8859-1').text).toBe('“Hi” – €5…');
  });
});
