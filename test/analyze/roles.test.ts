import { describe, expect, it } from 'vitest';
import { analyze, person } from './helpers.ts';

const roleOf = (paragraphs: string[], name: string): string | undefined => person(analyze(paragraphs), name)?.role;

describe('roles in the article\'s own words', () => {
  it('GIVEN an appositive with its organisation THEN the role keeps it', () => {
    expect(roleOf(['Costs rose, said Lena Marsh, managing director at the Q.R. Halden brokerage, on Monday.'], 'Lena Marsh'))
      .toBe('managing director at the Q.R. Halden brokerage');
  });

  it('GIVEN a title followed by "with" an organisation THEN the role keeps the organisation', () => {
    expect(roleOf(['"We are ready," Patrol Chief Ardo Venn with the Harbour City Police Department said Wednesday.'], 'Ardo Venn'))
      .toBe('Patrol Chief with the Harbour City Police Department');
  });

  it('GIVEN a description before the name after a comma THEN it is the role', () => {
    expect(roleOf(['Local media later quoted the head of the mountain rescue agency, Teodor Blanck, as saying two climbers were found.'], 'Teodor Blanck'))
      .toBe('head of the mountain rescue agency');
  });

  it.each([
    ['"It is ugly out there," Skyline meteorologist Corin Dale said.', 'Corin Dale', 'Skyline meteorologist'],
    ['"We want peace," Lisbon resident Maren Holt said after the address.', 'Maren Holt', 'Lisbon resident'],
    ['"The winds stopped us," air force rescue coordinator Pell Haverty told reporters.', 'Pell Haverty', 'air force rescue coordinator'],
    ['Northbay conservation department ranger Jamie Talbot attended his first stranding.', 'Jamie Talbot', 'Northbay conservation department ranger'],
  ])('GIVEN pre-modifiers naming the organisation or place in %j THEN the role keeps them', (text, name, role) => {
    expect(roleOf([text], name)).toBe(role);
  });

  it('GIVEN an organisation\'s possessive before the name THEN the role says whose the person is', () => {
    expect(roleOf(["Harbour Airlines' Kent Varga reported three cancellations."], 'Kent Varga')).toBe('of Harbour Airlines');
  });

  it('GIVEN a title and "from" the organisation after the name THEN the role keeps the organisation', () => {
    expect(roleOf(['They were bought online, said chief inspector Jennifer Stroud from the West Lindon police.'], 'Jennifer Stroud'))
      .toBe('chief inspector from the West Lindon police');
  });

  it('GIVEN "another ... , NAME," THEN the description before the comma is the role', () => {
    expect(roleOf(['In August, another British aid worker, William Dorsey, contracted the disease.'], 'William Dorsey')).toBe('another British aid worker');
  });

  it('GIVEN a list of other titled people after a name THEN it is no role of that person', () => {
    const a = analyze(['President Olek Varn, Defense Minister Kim Yong-hyun and Interior Minister Lee Sang-min were accused.']);
    expect(person(a, 'Olek Varn')?.role).toBe('President');
  });

  it('GIVEN time words before a title THEN they stay out of the role', () => {
    expect(roleOf(['Six years ago Bishop Anton Reyes ordered the inquiry.'], 'Anton Reyes')).toBe('Bishop');
  });

  it('GIVEN a phrase before the comma headed by no role noun THEN it is no role', () => {
    expect(roleOf(['Of the most recent attack, Robert Colligan said it was rare.'], 'Robert Colligan')).toBeUndefined();
  });

  it('GIVEN a clause after the name that begins with a quantifier THEN it is no role', () => {
    expect(roleOf(['Aside from Russian President Oskar Varn, few foreign leaders so brazenly stand up to him.'], 'Oskar Varn')).toBe('Russian President');
  });

  it('GIVEN a verb inside the words before a comma THEN the description starts after it', () => {
    expect(roleOf(['The roadshow featured the Prime Minister’s national security adviser, Andrew Shearer, and others.'], 'Andrew Shearer'))
      .toBe('Prime Minister’s national security adviser');
  });

  it('GIVEN a verb before a title THEN the verb stays out of the role', () => {
    expect(roleOf(['They met defence secretary Orla Quint on Monday.'], 'Orla Quint')).toBe('defence secretary');
  });

  it('GIVEN several descriptions of one person THEN the role keeps them all, the formal title first', () => {
    const role = roleOf([
      'Valdoria Foreign Minister Ansel Krell arrived on Monday.',
      'The talks went well, said Krell, the top Valdorian diplomat, after the meeting.',
    ], 'Ansel Krell');
    expect(role).toBe('Valdoria Foreign Minister; top Valdorian diplomat');
  });

  it('GIVEN a form of address and a description THEN the form of address is dropped', () => {
    const role = roleOf([
      'Sister Ottilie Brandt spoke first.',
      'Ottilie Brandt, the head of the sisters\' conference, said the talks were fair.',
    ], 'Ottilie Brandt');
    expect(role).toBe("head of the sisters' conference");
  });

  it('GIVEN "her mother, NAME" THEN the relation names whose mother she is', () => {
    expect(roleOf(['Eliza Brandt died in April.', 'Her mother, Fiona Brandt, issued a plea.'], 'Fiona Brandt')).toBe("Eliza Brandt's mother");
  });

  it('GIVEN "his wife NAME" after a titled person THEN the wife is that person\'s wife and his role stays his own', () => {
    const a = analyze(['Valdoria President Oskar Lemm, his wife Grace and two aides left the palace.']);
    expect(person(a, 'Grace')?.role).toBe("Oskar Lemm's wife");
    expect(person(a, 'Oskar Lemm')?.role).toBe('Valdoria President');
  });

  it('GIVEN a description set off before a title and name THEN both are kept', () => {
    expect(roleOf(['The council leader, Councillor Sarah Whitcombe, said the sirens had worked.'], 'Sarah Whitcombe')).toBe('Councillor; council leader');
  });

  it('GIVEN a relation in an appositive THEN the relation is the role', () => {
    expect(roleOf(['Marek Toll and his 22-year-old son, Ivo Toll, were called in to help.'], 'Ivo Toll')).toBe('his 22-year-old son');
  });

  it.each([
    ['The rally was calm, said Wilma Stroud, who follows the sector as a senior analyst at Fenwick Partners.', 'Wilma Stroud', 'senior analyst at Fenwick Partners'],
    ['The panel included Robert Dunmore, who advises the health minister on hospital funding, and two nurses.', 'Robert Dunmore', 'advises the health minister on hospital funding'],
    ['Helen Lorne is a Metro reporter covering city hall.', 'Helen Lorne', 'Metro reporter covering city hall'],
  ])('GIVEN a clause saying what the person is or does in %j THEN it is the role', (text, name, role) => {
    expect(roleOf([text], name)).toBe(role);
  });

  it('GIVEN a byline contact line THEN the person is marked as the author', () => {
    expect(roleOf(['The vote is on Tuesday.', 'Nils Ostrander may be reached at nils@example.com.'], 'Nils Ostrander')).toBe('author');
  });

  it('GIVEN a credit line THEN the contributor is marked and no given name becomes a role', () => {
    expect(roleOf(['(Reporting by Ana Kessel in Lisbon; Writing by Dean Ormsby; Editing by Kai Brandt)'], 'Dean Ormsby')).toBe('Writing');
  });

  it.each([
    ['"It resonates," says Stellan Moore, MD, president of the Kestrel Infectious Diseases Society.', 'Stellan Moore', 'president of the Kestrel Infectious Diseases Society'],
    ['It refers to bacteria, says Brianne Coole, PhD, of Hartwell University.', 'Brianne Coole', 'of Hartwell University'],
  ])('GIVEN degrees between the name and the appositive in %j THEN the role is the appositive, and the degrees are nobody', (text, name, role) => {
    const analysis = analyze([text]);
    expect(person(analysis, name)?.role).toBe(role);
    expect(analysis.entities.map((e) => e.name)).not.toContain('MD');
    expect(analysis.entities.map((e) => e.name)).not.toContain('PhD');
  });

  it('GIVEN a name that ends its sentence and "She is the ..." next THEN that description is the role', () => {
    expect(roleOf(['"This study is groundbreaking," says Kaia Lindqvist, MD, PhD. She is the director of the Harwood Centre for Allergy Research.'], 'Kaia Lindqvist'))
      .toBe('director of the Harwood Centre for Allergy Research');
  });

  it.each([
    ['"The issue has disappeared," said Senator Mark Wendell, a Virginia Democrat.', 'Mark Wendell', 'Senator; Virginia Democrat'],
    ['"It is something to worry about," said Gene Steuben, a fellow at the Larch Institute.', 'Gene Steuben', 'fellow at the Larch Institute'],
  ])('GIVEN a party or a fellowship after the comma in %j THEN it is part of the role', (text, name, role) => {
    expect(roleOf([text], name)).toBe(role);
  });

  it('GIVEN "fellow" before a capitalised word THEN it makes nobody a person', () => {
    expect(analyze(['"We have nothing to fear," he said of himself and fellow Ennahda members.']).entities.filter((e) => e.type === 'person').map((e) => e.name))
      .not.toContain('Ennahda');
  });

  it('GIVEN a plural title before two names joined by "and" THEN each gets the title', () => {
    const analysis = analyze(['The faction\'s figures are cabinet ministers Joram Mbeki and Tawanda Sithole, who fled to the compound.']);
    expect(person(analysis, 'Joram Mbeki')?.role).toBe('cabinet minister');
    expect(person(analysis, 'Tawanda Sithole')?.role).toBe('cabinet minister');
  });

  it('GIVEN "a colleague named NAME" THEN the description is the role', () => {
    expect(roleOf(['From a colleague named Barnaby Salt, he borrowed three equations.'], 'Barnaby Salt')).toBe('colleague');
  });

  it('GIVEN "his lawyer NAME" THEN the role says whose lawyer, and a lawyer without a sure owner is still a lawyer', () => {
    expect(roleOf(['Dorian Fell met reporters on Monday. Fell and his lawyer Rudi Gallo left together.'], 'Rudi Gallo')).toBe("Dorian Fell's lawyer");
    expect(roleOf(['Hayes and his colleague Morris W. Travers isolated three more noble gases.'], 'Morris W. Travers')).toBe('colleague');
  });

  it('GIVEN "NAME is" with a verb phrase after it THEN it is no role, while "is acting director" is', () => {
    expect(roleOf(['Ms. Norah Vance is increasingly relying on the former president, mentioning him often.'], 'Norah Vance')).toBeUndefined();
    expect(roleOf(['Joan Rayburn is acting director of the agency.'], 'Joan Rayburn')).toBe('acting director of the agency');
  });

  it('GIVEN a job opening the sentence before a given name THEN it is the role and no part of the name, while "Super Mario Run" names nobody', () => {
    const a = analyze(['Farmers said the rationing came too late. Hydrologist Nadia Ferreira of Estrava University said rain had halved.']);
    expect(person(a, 'Nadia Ferreira')?.role).toBe('Hydrologist of Estrava University');
    expect(analyze(['Nintendo announced "Super Mario Run," its first mobile game.']).entities.filter((e) => e.type === 'person')).toEqual([]);
  });
});
