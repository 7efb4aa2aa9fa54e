import { describe, expect, it } from 'vitest';
import { analyze, fullQuotes } from './helpers.ts';

describe('quote extraction and attribution', () => {
  it('GIVEN a split quote around the attribution THEN both halves are separate entries with the speaker', () => {
    const a = analyze([
      'President Anna Lindqvist spoke on Monday.',
      '"We will rebuild every bridge that was lost," the president wrote. "It will take time, but it will be done."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['We will rebuild every', 'Anna Lindqvist'],
      ['It will take time,', 'Anna Lindqvist'],
    ]);
  });

  it('GIVEN "he said" THEN the quote goes to the most recent compatible person', () => {
    const a = analyze([
      'Mayor Carla Benz met fire chief Omar Haddad on Tuesday.',
      'Haddad warned that the station could close by spring.',
      '"We are down to two working engines for the whole district," he said.',
    ]);
    expect(fullQuotes(a)).toEqual([['We are down to', 'Omar Haddad']]);
  });

  it('GIVEN "she said" after a man was named THEN the quote goes to the woman named before', () => {
    const a = analyze([
      'Ms. Ruth Adler, the school principal, met Mr. Paul Stein on Friday.',
      '"Our teachers have not been paid since June," she said.',
    ]);
    expect(fullQuotes(a)).toEqual([['Our teachers have not', 'Ruth Adler']]);
  });

  it('GIVEN a description such as "the wartime leader" THEN it resolves to the person last in focus', () => {
    const a = analyze([
      'President Volodymyr Zelensky spoke at the assembly on Wednesday.',
      'The wartime leader, who has a packed itinerary in New York, stressed that Ukraine had been forced to build its own weapons.',
      '"We had no choice but to build them to protect our right to life."',
    ]);
    expect(fullQuotes(a)).toEqual([['We had no choice', 'Volodymyr Zelensky']]);
  });

  it('GIVEN a role noun such as "the spokesman" THEN it resolves to the person with that role', () => {
    const a = analyze([
      'Foreign Ministry spokesman Ivo Marek and Defence Minister Lena Holm attended the meeting.',
      '"The talks were frank and they were useful," the spokesman said.',
    ]);
    expect(fullQuotes(a)).toEqual([['The talks were frank', 'Ivo Marek']]);
  });

  it('GIVEN a quote running over paragraphs THEN each paragraph is an entry with the same speaker', () => {
    const a = analyze([
      'Dr. Helen Marsh, who led the review, described what families had told her.',
      '"Some of the stories we heard were harrowing," she said. "Parents were left alone for hours.',
      '"Nobody came to check on them, and nobody wrote down what had happened."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['Some of the stories', 'Helen Marsh'],
      ['Parents were left alone', 'Helen Marsh'],
      ['Nobody came to check', 'Helen Marsh'],
    ]);
  });

  it('GIVEN a paragraph-only quote with no attribution THEN it inherits the speaker of the indirect speech before', () => {
    const a = analyze([
      'Senator Paul Okafor wrote on X that the bill was a disgrace.',
      '"This bill takes money from families and hands it to people who do not need it."',
    ]);
    expect(fullQuotes(a)).toEqual([['This bill takes money', 'Paul Okafor']]);
  });

  it('GIVEN a colon quote THEN the speaker before the colon gets it', () => {
    const a = analyze(['Secretary of State Marco Rubio wrote on X: "Strong borders and energy dominance are what make America great."']);
    expect(fullQuotes(a)).toEqual([['Strong borders and energy', 'Marco Rubio']]);
  });

  it('GIVEN "according to" THEN the named source is the speaker', () => {
    const a = analyze(['The plant will close in May, according to Gerda Vos, the company\'s spokeswoman, who called it "a painful but necessary decision."']);
    expect(fullQuotes(a)).toEqual([['a painful but necessary', 'Gerda Vos']]);
  });

  it('GIVEN a quote inside indirect speech THEN it is a full quote of the speaker, not partial', () => {
    const a = analyze([
      'On Tuesday at the UN Security Council, Marco Rubio said he made it clear that the "war needs to end. If it does not, costs will follow."',
    ]);
    expect(a.quotes).toHaveLength(1);
    expect(a.quotes[0]).toMatchObject({ text: 'war needs to end. If it does not, costs will follow.', speaker: 'Marco Rubio', partial: false });
  });

  it('GIVEN the speaker after the verb THEN "said State Department spokesman Tommy Pigott" names Tommy Pigott', () => {
    const a = analyze(['Rubio "reiterated the call for the killing to stop," said State Department spokesman Tommy Pigott.']);
    expect(fullQuotes(a)).toEqual([['reiterated the call for', 'Tommy Pigott']]);
  });

  it('GIVEN an organisation as speaker THEN the organisation is named', () => {
    const a = analyze(['"We will publish the full findings in the spring and act on every one of them," the Scottish government said.']);
    expect(fullQuotes(a)).toEqual([['We will publish the', 'Scottish government']]);
  });

  it('GIVEN curly, straight and single quotation marks THEN double marks are quotes and single-quoted text is not', () => {
    const a = analyze([
      '“We are ready to talk at any time,” said Lena Holm.',
      '"We are ready to fight if we must," said Ivo Marek.',
      'Holm called the plan ‘a reckless gamble with our future’ on Monday.',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['We are ready to', 'Lena Holm'],
      ['We are ready to', 'Ivo Marek'],
    ]);
  });

  it('GIVEN scare quotes under four words THEN they are flagged partial', () => {
    const a = analyze(['He said talks with Lavrov were productive, highlighting "new" and "different" approaches.']);
    expect(a.quotes.map((q) => [q.text, q.partial])).toEqual([
      ['new', true],
      ['different', true],
    ]);
  });

  it('GIVEN a quote with no opening mark THEN it starts at its sentence', () => {
    const a = analyze(['Dai Shuqin, 61, said she thought of the families. I pray for them to have hope," she said.']);
    expect(fullQuotes(a)).toEqual([['I pray for them', 'Dai Shuqin']]);
  });

  it('GIVEN a name inside a prepositional phrase before the verb THEN the person, not the organisation, speaks', () => {
    const a = analyze(['"We will decide in the morning whether it is safe," Patrol Chief James Hall with the New York Police Department said.']);
    expect(fullQuotes(a)).toEqual([['We will decide in', 'James Hall']]);
  });

  it('GIVEN the title of a work in quotation marks THEN it is not anybody\'s quote', () => {
    const a = analyze(['Her memoir "A Life Among The Stars" sold a million copies, the publisher said.']);
    expect(a.quotes).toHaveLength(1);
    expect(a.quotes[0]!.partial).toBe(true);
  });

  it('GIVEN a speaker named with a clause between commas THEN the name before the clause speaks', () => {
    const a = analyze(['"We found the body at dawn," Tatang Zaenudin, a police officer in the town, told reporters.']);
    expect(fullQuotes(a)).toEqual([['We found the body', 'Tatang Zaenudin']]);
  });

  it('GIVEN an opening quote with nobody named before it THEN the speaker of the next paragraph gets it', () => {
    const a = analyze(['"We will not back down, whatever it costs us."', 'That was the message from union leader Marta Keller, who said the strike would go on.']);
    expect(fullQuotes(a)).toEqual([['We will not back', 'Marta Keller']]);
  });

  it('GIVEN a passive cue ("she was warned that") THEN the quote has no speaker rather than the listener, a phrase or the next person named', () => {
    const a = analyze([
      'Premier Hilda Marsh was advised to postpone the new exam.',
      'In one briefing note she was warned that "the new exam is one that nobody will ever fail at all".',
      'Olav Brenn, then her private secretary, said the plan stood.',
    ]);
    expect(fullQuotes(a)).toEqual([['the new exam is', null]]);
  });

  it.each([
    ['Later a key email from 2014 that was released said "the attack was planned in advance by the militants".', null],
    ['Meanwhile a young-adult novel for libertarians argued "aggressive monetary policy can reduce the debt".', null],
    ['In a statement, a senior official said "we are ready to talk at any time now".', 'a senior official'],
    ['Another New Hampshire Republican said "the polls are misleading and always were".', 'Another New Hampshire Republican'],
  ])('GIVEN an unnamed subject in %j THEN only somebody, a body or a paper is the speaker, never a clause', (text, speaker) => {
    expect(fullQuotes(analyze([text])).map(([, s]) => s)).toEqual([speaker]);
  });

  it('GIVEN "NAME is quoted as saying" THEN NAME is the speaker, though the verb is passive', () => {
    const a = analyze(['Pollster Dale Braynard sent a release.', '"Our method succeeds where others fail every single time," Braynard is quoted as saying.']);
    expect(fullQuotes(a)).toEqual([['Our method succeeds where', 'Dale Braynard']]);
  });
});
