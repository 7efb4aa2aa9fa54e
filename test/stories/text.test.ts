import { describe, expect, it } from 'vitest';
import { numberTerms, nameMentions } from '../../src/stories/article-terms.ts';
import { foldNameToken, looksLikeCaption, quotedSpans, stem, words } from '../../src/stories/text.ts';

describe('text helpers', () => {
  it('GIVEN transliteration variants of a name THEN they fold to one key', () => {
    expect(foldNameToken('Zelenskyy')).toBe(foldNameToken('Zelensky'));
    expect(foldNameToken('Zelenskiy')).toBe(foldNameToken('Zelensky'));
    expect(foldNameToken('Sergei')).toBe(foldNameToken('Sergey'));
    expect(foldNameToken('Aleksei')).toBe(foldNameToken('Alexei'));
    expect(foldNameToken('Lavrov')).not.toBe(foldNameToken('Lavrova'));
  });

  it('GIVEN a photo caption with positions or an agency credit THEN it is recognised as a caption', () => {
    expect(looksLikeCaption('Marco Rubio (4th L) and Sergei Lavrov (2nd R) during a meeting. Ilya Yermakov / TASS')).toBe(true);
    expect(looksLikeCaption('Firefighters at the scene on Tuesday. Photo: Jane Doe')).toBe(true);
    expect(looksLikeCaption('The Senate voted 51-49 on Saturday to approve the bill.')).toBe(false);
  });

  it('GIVEN a quote left open at the end of a paragraph THEN it runs to the end', () => {
    const text = 'He said: "We will rebuild. Every home';
    expect(quotedSpans(text)).toEqual([[9, text.length]]);
    expect(quotedSpans('“One,” she said. “Two.”')).toEqual([[0, 6], [17, 23]]);
  });

  it('GIVEN typographic quotes, dashes and accents THEN the words are those of the plain spelling', () => {
    const plain = words("Zelenskyy's envoy said -- in Kyiv... -- the deal was 'done'");
    expect(words('Zelenskyy’s envoy said — in Kyiv… — the deal was ‘done’')).toEqual(plain);
    expect(words('Zelenskyy’s envoy said\u00a0— in Kyiv\u2026 — the deal was “done”')).toEqual(plain);
    expect(words('Zelénskyy’s envoy said — in Kyiv — the deal was done')).toEqual(plain);
    expect(words('Лавров said “нет”')).toEqual(['лавров', 'said', 'нет']);
  });

  it('GIVEN inflected forms THEN they share a stem', () => {
    expect(stem('meeting')).toBe(stem('met'));
    expect(stem('votes')).toBe(stem('voted'));
    expect(stem('recalls')).toBe(stem('recalled'));
  });

  it('GIVEN figures THEN amounts and counts become terms but years and small counts do not', () => {
    expect(numberTerms('$5.7 billion, 120,000 cars, 51-49, in 2025, 3 people')).toEqual(['#5.7', '#120000', '#51', '#49']);
  });

  it('GIVEN a full name with a title THEN it counts as one mention keyed by the surname', () => {
    const names = new Set(['camila', 'rojas', 'russia', 'lavrov'].map(foldNameToken));
    expect([...nameMentions('Interior Minister Camila Rojas said Rojas would stay.', names)]).toEqual(['@' + foldNameToken('rojas')]);
    expect([...nameMentions("Rubio urges Russia's Lavrov", names)].sort()).toEqual(['@' + foldNameToken('lavrov'), '@' + foldNameToken('russia')].sort());
  });
});
