import { describe, expect, it } from 'vitest';
import { canonicalSpelling, mergePeople, nameKey } from '../../src/analyze/aliases.ts';
import type { Entity } from '../../src/analyze/types.ts';

const entity = (id: string, name: string, aliases: string[] = [], role?: string): Entity => ({
  id,
  name,
  type: 'person',
  aliases,
  mentions: 1,
  ...(role ? { role } : {}),
});

describe('name keys for spelling variants', () => {
  it.each([
    ['Zelenskyy', 'Zelensky'],
    ['Zelenskiy', 'Zelensky'],
    ['Sergei Lavrov', 'Sergey Lavrov'],
    ['Aleksei Navalny', 'Alexei Navalny'],
    ['Dmitriy Peskov', 'Dmitry Peskov'],
    ['Dmitrii Peskov', 'Dmitry Peskov'],
    ['Yevgeny Prigozhin', 'Evgeny Prigozhin'],
    ['Mikhail Gorbachev', 'Mihail Gorbachev'],
    ['Natalya', 'Natalia'],
    ['Gerhard Mueller', 'Gerhard Müller'],
    ['François Hollande', 'Francois Hollande'],
  ])('GIVEN %s and %s THEN they share a key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('GIVEN different names THEN the keys differ', () => {
    expect(nameKey('Sergey Lavrov')).not.toBe(nameKey('Sergey Shoigu'));
    expect(nameKey('Maria')).not.toBe(nameKey('Mario'));
  });
});

describe('merging people across articles', () => {
  it('GIVEN Zelenskyy in one article and Zelensky in another THEN one person keeps both spellings', () => {
    const merged = mergePeople([
      [entity('e1', 'Volodymyr Zelenskyy', ['Zelenskyy'], 'Ukrainian President')],
      [entity('e1', 'Volodymyr Zelensky', ['Zelensky'], 'President')],
    ]);
    expect(merged).toHaveLength(1);
    const forms = [merged[0]!.name, ...merged[0]!.aliases];
    expect(forms).toEqual(expect.arrayContaining(['Volodymyr Zelenskyy', 'Volodymyr Zelensky', 'Zelenskyy', 'Zelensky']));
    expect(merged[0]!.role).toBe('Ukrainian President');
    expect(merged[0]!.sources).toEqual([[0, 'e1'], [1, 'e1']]);
  });

  it('GIVEN Alexei in two articles and Aleksei in one THEN the person is named as the two print it, whichever came first', () => {
    const aleksei = entity('e1', 'Aleksei Navalny', ['Navalny']);
    const alexei = entity('e1', 'Alexei Navalny', ['Navalny']);
    expect(mergePeople([[aleksei], [alexei], [alexei]])[0]!.name).toBe('Alexei Navalny');
    expect(mergePeople([[alexei], [alexei], [aleksei]])[0]!.name).toBe('Alexei Navalny');
  });

  it('GIVEN the canonical spelling rule THEN a full name beats a bare surname, then articles, mentions, length and code points decide, in any order', () => {
    const votes = (spelling: string, articles: number, mentions: number) => ({ spelling, articles, mentions });
    expect(canonicalSpelling([votes('Zelensky', 9, 30), votes('Volodymyr Zelenskyy', 1, 1)])).toBe('Volodymyr Zelenskyy');
    expect(canonicalSpelling([votes('Donald J. Trump', 2, 9), votes('Donald Trump', 5, 5)])).toBe('Donald Trump');
    expect(canonicalSpelling([votes('Sergei Lavrov', 1, 2), votes('Sergey Lavrov', 1, 3)])).toBe('Sergey Lavrov');
    expect(canonicalSpelling([votes('Volodymyr Zelensky', 1, 2), votes('Volodymyr Zelenskyy', 1, 2)])).toBe('Volodymyr Zelenskyy');
    const tied = [votes('Sergei Lavrov', 1, 2), votes('Sergey Lavrov', 1, 2)];
    expect(canonicalSpelling(tied)).toBe('Sergei Lavrov');
    expect(canonicalSpelling([...tied].reverse())).toBe('Sergei Lavrov');
    expect(canonicalSpelling([])).toBeUndefined();
  });

  it('GIVEN Sergey and Sergei Lavrov THEN they are one person', () => {
    const merged = mergePeople([[entity('e1', 'Sergey Lavrov', ['Lavrov'])], [entity('e2', 'Sergei Lavrov')]]);
    expect(merged.map((p) => [p.name, ...p.aliases].sort())).toEqual([['Lavrov', 'Sergei Lavrov', 'Sergey Lavrov']]);
  });

  it('GIVEN two people who share a surname but not a first name THEN they stay apart', () => {
    const merged = mergePeople([[entity('e1', 'Hunter Biden')], [entity('e2', 'Joe Biden', [], 'President')]]);
    expect(merged.map((p) => p.name).sort()).toEqual(['Hunter Biden', 'Joe Biden']);
  });

  it('GIVEN a bare surname whose role disagrees with the full name THEN it is not merged', () => {
    const merged = mergePeople([[entity('e1', 'Anna Kim', [], 'Seoul resident')], [entity('e2', 'Kim', [], 'defense minister')]]);
    expect(merged).toHaveLength(2);
  });

  it('GIVEN a bare surname with no role THEN it joins the full name', () => {
    const merged = mergePeople([[entity('e1', 'Marco Rubio', ['Rubio'], 'U.S. Secretary of State')], [entity('e2', 'Rubio')]]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.name).toBe('Marco Rubio');
  });
});
