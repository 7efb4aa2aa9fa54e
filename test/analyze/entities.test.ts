import { describe, expect, it } from 'vitest';
import { analyze, person } from './helpers.ts';

describe('people, organisations and places', () => {
  it('GIVEN "Mr President" THEN no person is made of a form of address', () => {
    const a = analyze(['"Mr President clearly understands the situation," he wrote.', 'Mr President, the crowd shouted.']);
    expect(a.entities.filter((e) => e.type === 'person').map((e) => e.name)).toEqual([]);
  });

  it('GIVEN "Secretary of State Marco Rubio" THEN "State Marco" is neither a place nor part of the name', () => {
    const a = analyze(['U.S. Secretary of State Marco Rubio is scheduled to meet Sergey Lavrov on Wednesday.']);
    expect(person(a, 'Marco Rubio')?.role).toBe('U.S. Secretary of State');
    expect(a.entities.some((e) => /State Marco/.test(e.name))).toBe(false);
  });

  it('GIVEN an outlet named by its web address that "reports" THEN it is no person', () => {
    const a = analyze(['The meeting comes after the vote, Harbour.News reports citing local media.', 'Mayor Ilse Varga said the port would reopen.']);
    expect(a.entities.filter((e) => e.type === 'person').map((e) => e.name)).toEqual(['Ilse Varga']);
  });

  it('GIVEN countries, cities and organisations THEN they are typed as places and organisations, not people', () => {
    const a = analyze(['Zelensky warned that Europe could not lose Moldova, and asked NATO and the European Union to help Kyiv.']);
    const typeOf = (name: string): string | undefined => a.entities.find((e) => e.name === name)?.type;
    expect([typeOf('Europe'), typeOf('Moldova'), typeOf('Kyiv')]).toEqual(['place', 'place', 'place']);
    expect([typeOf('NATO'), typeOf('European Union')]).toEqual(['org', 'org']);
  });

  it.each([
    ['Russian Foreign Minister Sergey Lavrov arrived on Monday.', 'Sergey Lavrov', 'Russian Foreign Minister'],
    ["Russia's Foreign Minister Sergei Lavrov arrived on Monday.", 'Sergei Lavrov', "Russia's Foreign Minister"],
    ["Sergey Lavrov, Russia's foreign minister, arrived on Monday.", 'Sergey Lavrov', "Russia's foreign minister"],
    ['The talks were useful, said State Department spokesman Tommy Pigott.', 'Tommy Pigott', 'State Department spokesman'],
    ['Moldova votes on Sunday, with pro-EU President Maia Sandu facing a barrage of fakes.', 'Maia Sandu', 'President'],
    ['Erik van Sebille, a physical oceanographer at the University of New South Wales, said the sea was shallow.', 'Erik van Sebille', 'physical oceanographer at the University of New South Wales'],
    ["Sudan's president, Omar Hassan al-Bashir, refused to attend.", 'Omar Hassan al-Bashir', "Sudan's president"],
  ])('GIVEN %j THEN the role is the title in the article\'s words', (text, name, role) => {
    expect(person(analyze([text]), name)?.role).toBe(role);
  });

  it('GIVEN a full name and later the surname or "Mr." form THEN they are one person with aliases', () => {
    const a = analyze([
      'Former President Barack Obama spoke in Chicago.',
      'Mr. Obama said the country had changed.',
      'Obama then left for Washington.',
    ]);
    const obama = person(a, 'Barack Obama');
    expect(obama?.aliases).toEqual(expect.arrayContaining(['Obama', 'Mr. Obama']));
    expect(obama?.mentions).toBe(3);
  });

  it('GIVEN a possessive or a title THEN the name keeps neither', () => {
    const a = analyze(["President Donald Trump's speech was long.", 'Trump spoke for an hour.']);
    expect(person(a, 'Trump')?.name).toBe('Donald Trump');
  });

  it('GIVEN two people who share a surname THEN they stay apart', () => {
    const a = analyze(['Hori Parata and his son, Te Kaurinui Robert Parata, were called in.', 'Hori Parata said the whales were sacred.']);
    const names = a.entities.filter((e) => e.type === 'person').map((e) => e.name).sort();
    expect(names).toEqual(['Hori Parata', 'Te Kaurinui Robert Parata']);
  });

  it('GIVEN a family name first and used alone THEN it joins the full name', () => {
    const a = analyze(['President Yoon Suk Yeol apologised on Saturday.', 'Yoon said he would not evade responsibility.']);
    expect(person(a, 'Yoon')?.name).toBe('Yoon Suk Yeol');
  });

  it('GIVEN a reporting credit line THEN the contributors are people with that credit', () => {
    const a = analyze(['Additional reporting by Wilda Asmarini and Kanupriya Kapoor; Writing by Dean Yates; Editing by Michael Perry']);
    expect(person(a, 'Kanupriya Kapoor')?.role).toBe('Additional reporting');
    expect(person(a, 'Dean Yates')?.role).toBe('Writing');
  });

  it('GIVEN names known from a sibling article THEN a bare surname here is recognised as that person', () => {
    const a = analyze(['"We will not give up," Okonjo said.'], { knownPeople: [{ name: 'Ngozi Okonjo', aliases: [], role: 'Finance Minister' }] });
    expect(a.quotes[0]?.speaker).toBe('Okonjo');
    expect(a.entities.find((e) => e.name === 'Okonjo')?.type).toBe('person');
  });

  it('GIVEN a nickname in quotation marks inside a name THEN the person is named without it', () => {
    const a = analyze(['Indonesian President Joko “Jokowi” Widodo ordered a review of aviation procedures.']);
    expect(person(a, 'Joko Widodo')?.role).toBe('Indonesian President');
  });

  it('GIVEN two names joined by "and" after a title THEN both are people', () => {
    const a = analyze(['The G40 figures are cabinet ministers Jonathan Moyo and Saviour Kasukuwere, who fled.']);
    expect(person(a, 'Saviour Kasukuwere')).toBeDefined();
  });

  it.each([
    ['Forty whales died on Stewart Island, rangers said.', 'Stewart Island', 'place'],
    ['The cut was deep, Yahoo Finance reported earlier this year.', 'Yahoo Finance', 'org'],
    ['Harvest Foods said it would lower prices on hundreds of items.', 'Harvest Foods', 'org'],
  ])('GIVEN %j THEN the name is no person, though it may open with a given name or speak', (text, name, type) => {
    const entity = analyze([text]).entities.find((e) => e.name === name);
    expect(entity?.type).toBe(type);
  });
});
