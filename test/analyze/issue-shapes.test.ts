import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/analyze/language.ts';
import { headPhrase } from '../../src/analyze/roles/person-roles.ts';
import { isRoleNoun } from '../../src/analyze/roles/role-phrases.ts';
import { analyze, fullQuotes, person } from './helpers.ts';

/** The names of the person entities. */
const people = (paragraphs: string[]): string[] => analyze(paragraphs).entities.filter((e) => e.type === 'person').map((e) => e.name);

describe('speakers in the shapes news prints them', () => {
  it('GIVEN a vox-pop layout (quote paragraph, then "— Name, 34, Phoenix") THEN each quote goes to the name after it', () => {
    const a = analyze([
      'Voters outside a polling station in Arizona told us what brought them out.',
      '"I waited four hours in the sun to get my ballot in and I would do it again."',
      '— Pamela Padilla, 34, Phoenix',
      '"Nobody asked us what we wanted from this election at all."',
      '— Marcus Webb, 51, Tucson',
      '"It is the economy and nothing else for my family this year."',
      'Lorena Diaz, 28, Mesa',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['I waited four hours', 'Pamela Padilla'],
      ['Nobody asked us what', 'Marcus Webb'],
      ['It is the economy', 'Lorena Diaz'],
    ]);
  });

  it('GIVEN "With X ruled out, Y said he ... whom he called \u201c...\u201d" THEN "he" is Y, who spoke, not X named first', () => {
    const a = analyze([
      'Former state treasurer Walter Brandt has spent three decades as a Republican fundraiser.',
      'With a vote for Senator Hal Mercer ruled out, Brandt said he would back the governor, whom he called "the only adult left in the race this year," and urged others to follow.',
    ]);
    expect(fullQuotes(a)).toEqual([['the only adult left', 'Walter Brandt']]);
  });

  it('GIVEN a quote followed by "Name fumed" or "Name grumbled" THEN the speaker is that name, not another senator named before', () => {
    const a = analyze([
      'Sen. Ruth Kessler of Ohio voted against the measure, and Sen. Adam Pryce of Iowa called it a stunt.',
      '"If they wanted a deal, they would have brought the one bill with support from both parties," Pryce fumed on Tuesday.',
      '"This was never about the budget," Kessler grumbled as she left the chamber.',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['If they wanted a', 'Adam Pryce'],
      ['This was never about', 'Ruth Kessler'],
    ]);
  });

  it("GIVEN an archive that prints quotation marks as two apostrophes ('') THEN its quotes and speakers are found, and a name's apostrophes stay", () => {
    const a = analyze([
      "''We cannot keep the library open on Sundays without the grant,'' the director, Ruth O'Malley, said on Tuesday.",
      "''The council has been told this for three years,'' she added.",
    ]);
    expect(fullQuotes(a)).toEqual([
      ['We cannot keep the', "Ruth O'Malley"],
      ['The council has been', "Ruth O'Malley"],
    ]);
  });

  it('GIVEN the speaker named an earlier paragraph with several people in between THEN the continuation keeps that speaker', () => {
    const a = analyze([
      'Harbour master Ingrid Solberg said the new quay would open in May.',
      'She met port workers, the mayor Tomas Ekdahl and the contractor Lars Vik on Friday.',
      '"We have waited eleven years for a berth that can take the big ferries," Solberg said.',
      '"The money is there now, and nobody will take it away from us."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['We have waited eleven', 'Ingrid Solberg'],
      ['The money is there', 'Ingrid Solberg'],
    ]);
  });

  it('GIVEN "said <Name> campaign spokesman <Name>" (a name, then a title, then a name) THEN the person after the title speaks', () => {
    const a = analyze([
      'Governor Mike Huckabee has given paid speeches since he left office.',
      '"Any candidate working in the private sector needs to make money," said Huckabee campaign spokesman Hogan Gidley.',
      '"This is the first time a candidate has asked a foreign power for help," said Clinton’s top foreign policy aide Jake Sullivan.',
      '"We will be in Ohio and Iowa all week long," said Dana Ortiz on Tuesday.',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['Any candidate working in', 'Hogan Gidley'],
      ['This is the first', 'Jake Sullivan'],
      ['We will be in', 'Dana Ortiz'],
    ]);
  });

  it('GIVEN "According to the Daily Caller, “...”" (the source before the quote) THEN the outlet is the speaker', () => {
    const a = analyze([
      'Emails show that the reporter took directions from a State Department staffer.',
      'According to the Daily Caller, “Labott also coordinated with Reines to post a favorable quote from the testimony.”',
    ]);
    expect(fullQuotes(a)).toEqual([['Labott also coordinated with', 'Daily Caller']]);
  });

  it('GIVEN a body named by whose it is ("Powell’s office said") or a name closing in a heading word ("Human Rights Watch said") THEN that body speaks', () => {
    const a = analyze([
      'Colin Powell served as secretary of state from 2001 to 2005.',
      '“He did write former Secretary Clinton an email memo describing his use of the account,” Powell’s office said in a statement.',
      '"Prisoners were beaten with cables in at least three facilities," Human Rights Watch said on Monday.',
      'Judicial Watch stated in a release that the declaration “suggests the hidden email was found in September 2014.”',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['He did write former', 'Powell’s office'],
      ['Prisoners were beaten with', 'Human Rights Watch'],
      ['suggests the hidden email', 'Judicial Watch'],
    ]);
  });

  it('GIVEN a quote led in by a colon and no speech verb ("pollster Daron Shaw: “...”", "X delivered a message to Trump: “...”") THEN the lead-in names the speaker', () => {
    const a = analyze([
      'Craig Robinson said the field had failed to compete in Iowa.',
      'The timing of Bernie Sanders’ surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates beating establishment candidates have seen the biggest boost.”',
      'Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump: "It is time to quit attacking various people and get on message."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['Lesser-known candidates beating establishment', 'Daron Shaw'],
      ['It is time to', 'Mitch McConnell'],
    ]);
  });

  it('GIVEN "X agreed." and then a quote opening the next sentence THEN X, not the previous paragraph\'s speaker, said it', () => {
    const a = analyze([
      '"The others have failed to do what is necessary to compete there," said Craig Robinson, editor of a local site.',
      'Iowa State University’s Dianne Bystrom agreed. "Mainstream Republicans are running out of time to find an alternative."',
      'Or maybe Jeb Bush, digital consultant Phil Musser says. "Several surveys suggest a second look is occurring."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['The others have failed', 'Craig Robinson'],
      ['Mainstream Republicans are running', 'Dianne Bystrom'],
      ['Several surveys suggest a', 'Phil Musser'],
    ]);
  });

  it('GIVEN "As John Cornyn, the No. 2 in the leadership, put it, “...”" THEN the one who put it speaks, not the last speaker', () => {
    const a = analyze([
      'Majority Leader Mitch McConnell said he would not agree to "a perfunctory sit-down with anyone" this year. As John Cornyn, the No. 2 in the GOP leadership, put it, "This person will not be confirmed, so there is no reason to pretend."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['a perfunctory sit-down with', 'Mitch McConnell'],
      ['This person will not', 'John Cornyn'],
    ]);
  });

  it('GIVEN a lead-in paragraph that opens with a new person and no speech verb ("Valastro praised Christie’s leadership. / “...”") THEN that person speaks, not the earlier speaker; a description ("X is the attorney who ...") does not', () => {
    const a = analyze([
      '"We will win this state and then we will win the nomination," John Kasich said at a rally in Concord.',
      'Buddy Valastro praised Chris Christie’s leadership in the aftermath of Hurricane Sandy.',
      '“We need someone who is going to cut through it and bring people together.”',
      'Angela Corey is the state attorney who charged him with murder.',
      '"It has recently been returned to me by the Department of Justice."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['We will win this', 'John Kasich'],
      ['We need someone who', 'Buddy Valastro'],
      ['It has recently been', 'Buddy Valastro'],
    ]);
  });

  it('GIVEN an organisation or a document as speaker ("the Security Council said", "the RNC statement") THEN the body is the speaker', () => {
    const a = analyze([
      '"We will not accept any delay in the ceasefire talks," the Security Council said in a statement on Friday.',
      '"Democrats have failed the working families of this state for years," the RNC statement read.',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['We will not accept', 'Security Council'],
      ['Democrats have failed the', 'RNC statement'],
    ]);
  });

  it('GIVEN an abbreviated title before the name ("Del. Stacey Plaskett", "Sen. X (R-La.)") THEN the name speaks and the title is its role', () => {
    const a = analyze([
      'Del. Marisol Quintero said the vote had been rushed.',
      '"We were never given a chance to be heard on this bill," Quintero said.',
      '"This was never about money," said Sen. Brandon Tullis (R-La.), who chairs the panel.',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['We were never given', 'Marisol Quintero'],
      ['This was never about', 'Brandon Tullis'],
    ]);
    expect(person(a, 'Marisol Quintero')?.role).toBe('Del.');
    expect(person(a, 'Brandon Tullis')?.role).toBe('Sen. (R-La.)');
  });

  it('GIVEN a quote inside another person\'s quoted passage THEN the whole passage stays with the outer speaker', () => {
    const a = analyze([
      'Councillor Dana Whitfield recalled the meeting with the governor.',
      '"He looked at me and said \'Big cities always get the money first,\' and that was the end of it," Whitfield said.',
    ]);
    expect(fullQuotes(a)).toEqual([['He looked at me', 'Dana Whitfield']]);
  });
});

describe('people need evidence', () => {
  it('GIVEN a firm or a brand named like a person ("a Con Edison worker", "the D.A. Davidson brokerage", "Con Edison, which ...", "Con Edison officials say") THEN it is no person, and a given name keeps a person whose brand follows', () => {
    const names = people([
      'A Con Edison worker repaired underground cables this month in Flushing, Queens.',
      'Winter brings breakages. Con Edison, which maintains 4,300 miles of gas mains, recorded 750 leaks.',
      'For days after a storm, Con Edison officials say, they deal with scores of fires.',
      'The growth has been steady, said Tom Forte, a managing director at the D.A. Davidson brokerage.',
      'Volunteers knocked on doors for the Bernie Sanders campaign all weekend.',
      'She earned the greatest honour of all: a Margaret Hamilton Lego minifigure.',
    ]);
    expect(names).toEqual(expect.arrayContaining(['Tom Forte', 'Bernie Sanders', 'Margaret Hamilton']));
    expect(names).not.toEqual(expect.arrayContaining(['Con Edison']));
    expect(names.filter((n) => /Davidson|Edison|Lego/.test(n))).toEqual([]);
  });

  it('GIVEN "an optometrist Apple had on-site" (a clause after "a"/"an" and a noun), a lone letter ("X") or a plural ("Searchers says") THEN none of them is a person', () => {
    const names = people([
      'I handed my glasses to an optometrist Apple had on-site, and a demo of the Apple Vision Pro followed.',
      'As promised, the Xbox One X is the most powerful console, and X is where the company posted it.',
      '04.00 Searchers says they have seen a sonar image of the aircraft.',
    ]);
    expect(names).toEqual([]);
  });

  it('GIVEN a description ("Kent County Republican", "the Virginia Democrat") THEN it is no person, and the name beside it is', () => {
    expect(people(['The Kent County Republican said the count was fair.', 'Delia Marsh, a Virginia Democrat, said the count was not.'])).toEqual(['Delia Marsh']);
  });

  it('GIVEN organisations, teams, laws and days ("Wells Fargo", "Carolina Panthers", "Clean Air Act", "Labor Day") THEN none is a person', () => {
    expect(people([
      'Wells Fargo said its profits fell. The Carolina Panthers said they would appeal.',
      'The Clean Air Act was amended before Labor Day, said Rita Okafor, a lawyer.',
    ])).toEqual(['Rita Okafor']);
  });

  it('GIVEN a lone speaking word that is a body ("Experts say", "Uber said its") THEN it is no person; a lone word with "he" after it is', () => {
    expect(people(['Experts say the drug is safe.', 'Uber said its drivers earn more.'])).toEqual([]);
    expect(people(['Okonjo said he would run again next year.'])).toEqual(['Okonjo']);
  });

  it('GIVEN a person noun opening a capitalised name ("Human Rights", "Character Study") THEN no person is found in it', () => {
    expect(people(['He is a fellow at the Center for Health and Human Rights at Harvard University.', 'She writes the Character Study column.'])).toEqual([]);
  });

  it('GIVEN a German article ("Ausbau von Glasfaser") THEN it is marked "de" and mined for neither people nor quotes', () => {
    const a = analyze([
      'Der Ausbau von Glasfaser in den ländlichen Regionen wird nach Angaben der Regierung erst im nächsten Jahr abgeschlossen.',
      '„Wir haben die Mittel, aber es fehlen die Firmen, die das auch bauen können“, sagte Bürgermeisterin Petra Lindner am Montag.',
      'Die Gemeinde hatte sich bereits im Frühjahr um eine Förderung beworben, die aber noch nicht bewilligt wurde.',
    ]);
    expect(a.language).toBe('de');
    expect(a.entities.filter((e) => e.type === 'person')).toEqual([]);
    expect(a.quotes).toEqual([]);
  });

  it('GIVEN an English article THEN it is marked "en" and a short text is left unmarked', () => {
    expect(analyze(['The council said on Monday that the bridge would reopen in the spring, and the mayor was pleased with the news that was given to her by the engineers.']).language).toBe('en');
    expect(detectLanguage('Short headline')).toBeUndefined();
  });
});

describe('roles are titles trimmed to their head phrase', () => {
  it('GIVEN a premodified title ("Republican presidential nominee Donald Trump") THEN the role is the whole title', () => {
    const a = analyze(['Republican presidential nominee Walter Brandt said on Tuesday that he would win the state.']);
    expect(person(a, 'Walter Brandt')?.role).toBe('Republican presidential nominee');
  });

  it('GIVEN an appositive ("Lavrov, Russia\'s foreign minister,") THEN the role is the appositive', () => {
    const a = analyze(['Petrov, Russia\'s foreign minister, said the talks would go on.', 'Ivan Petrov arrived later.']);
    expect(person(a, 'Ivan Petrov')?.role).toBe("Russia's foreign minister");
  });

  it('GIVEN a clause after the name ("demanding President X make a pledge", "sentenced in December to three years") THEN it is no role', () => {
    expect(headPhrase('demanding President Marcus Hale make a pledge not to pardon his rival')).toBe('');
    expect(headPhrase('sentenced in December to three years in prison')).toBe('');
    expect(headPhrase('made public statements supporting the memo')).toBe('');
    expect(headPhrase('philosopher Luis Ferrante weaves a history of neon lighting')).toBe('');
    expect(headPhrase('explains Dr.')).toBe('');
    expect(headPhrase('her brother')).toBe('');
    expect(headPhrase('ministers')).toBe('minister');
    expect(headPhrase('contributed to this report')).toBe('contributed to this report');
  });

  it('GIVEN a clause after the name in an article THEN the person is found without a role', () => {
    const a = analyze(['Michael Carver, sentenced in December to three years in prison, told the committee he had lied.']);
    expect(person(a, 'Michael Carver')?.role).toBeUndefined();
  });
});

describe('speakers with other names inside the attribution', () => {
  it('GIVEN "NAME, who ... against OTHER NAME, said" THEN the name before the clause speaks, not the one closing it', () => {
    const a = analyze([
      'Jason Kander, who is running against Missouri Republican Roy Blunt, said in a statement that "Washington dysfunction has stopped Congress from acting."',
      'Mr. Trump, asked about the deaths of journalists under Mr. Putin, had said, "I think our country does plenty of killing also."',
      'Ms Khairunisa\'s father, Haidar Fauzi, has said "she was a kind and gentle girl who loved her work."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['Washington dysfunction has stopped', 'Jason Kander'],
      ['I think our country', 'Trump'],
      ['she was a kind', 'Haidar Fauzi'],
    ]);
  });

  it('GIVEN a quote finished by the writer\'s words ("..." that Sanders can catch Clinton, said X) THEN X speaks', () => {
    const a = analyze(['"He can assert it, but it seems extremely unlikely" that Sanders can catch Clinton, said Steve Elmendorf, a Democratic strategist.']);
    expect(fullQuotes(a)).toEqual([['He can assert it,', 'Steve Elmendorf']]);
  });

  it('GIVEN a party-and-state tag, a day or a dash clause between speaker and verb THEN the speaker is still found', () => {
    const a = analyze([
      '"There has been a lot of talk in the last 24 hours," Senate Majority Leader Mitch McConnell, R-Ky., said.',
      'Reince Priebus on Thursday told Fox News: "Both of them are meeting up next week to talk."',
      'A former presidential candidate -- John McCain, who lost the 2008 election to Obama -- said the president "offered no changes to his strategy."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['There has been a', 'Mitch McConnell'],
      ['Both of them are', 'Reince Priebus'],
      ['offered no changes to', 'John McCain'],
    ]);
  });

  it('GIVEN "X said, adding, "..."" after a sentence that names others THEN the participle keeps the speaker of its sentence', () => {
    const a = analyze(['Ryan and Trump will meet sometime next week, Sean Spicer said, adding, "They need to sit down and have a good talk."']);
    expect(fullQuotes(a)).toEqual([['They need to sit', 'Sean Spicer']]);
  });

  it('GIVEN an opening clause with a pronoun ("When asked whom she supported, Ms. Sherry smiled and said") THEN the subject after it speaks', () => {
    const a = analyze([
      'Megyn Kelly, a star anchor at Fox News, questioned his respect for women.',
      'When asked whom she supported, Ms. Sherry smiled and said, "I\'m waiting for Michael Bloomberg to get in the race."',
    ]);
    expect(fullQuotes(a)).toEqual([["I'm waiting for Michael", 'Sherry']]);
  });

  it('GIVEN a quote followed by "until OTHER said" THEN the later clause is not its attribution', () => {
    const a = analyze(['Jason Sims says he was "kind of riding the fence for weeks" until Nikki Haley said she was backing the senator.']);
    expect(fullQuotes(a)).toEqual([['kind of riding the', 'Jason Sims']]);
  });

  it('GIVEN "said Air Force 1st Lt. Tyler Livingston" THEN the person speaks, not the service', () => {
    const a = analyze(['"I really don\'t understand how a better candidate didn\'t jump in," said Air Force 1st Lt. Tyler Livingston.']);
    expect(fullQuotes(a)).toEqual([['I really don\'t understand', 'Tyler Livingston']]);
    expect(people(['"I really don\'t understand how a better candidate didn\'t jump in," said Air Force 1st Lt. Tyler Livingston.'])).toEqual(['Tyler Livingston']);
  });
});

describe('people that are the organisation closing a description', () => {
  it('GIVEN "NAME, <job> at ORG, said" THEN ORG is no person and NAME speaks', () => {
    const paragraphs = [
      'Michael Green, associate professor of history at the University of Nevada-Las Vegas, said Iowa has "more of a historical resonance than this state."',
      '"If current trends continue, it\'s inevitable that Twitter will get acquired," Robert Peck, managing director and analyst at SunTrust Robinson Humphrey, told me.',
      'But Tom Miller, at a consulting firm called Gavekal Dragonomics, argues that "its political influence will inevitably strengthen," too.',
    ];
    expect(fullQuotes(analyze(paragraphs))).toEqual([
      ['more of a historical', 'Michael Green'],
      ['If current trends continue,', 'Robert Peck'],
      ['its political influence will', 'Tom Miller'],
    ]);
    expect(people(paragraphs)).toEqual(['Michael Green', 'Robert Peck', 'Tom Miller']);
  });
});

describe('roles that are no description of the person', () => {
  it('GIVEN a description whose head is another titled person ("Sen. Ted Cruz", "coach Mike Ditka") THEN it is no role', () => {
    expect(headPhrase('Sen. Ted Cruz')).toBe('');
    expect(headPhrase('legendary Chicago Bears coach Mike Ditka')).toBe('');
    expect(headPhrase('New Jersey Gov. Chris Christie and Donald Trump')).toBe('');
    expect(headPhrase('Nobel Prize-winning former NIH director under President Bill Clinton')).toBe('Nobel Prize-winning former NIH director under President Bill Clinton');
  });

  it('GIVEN a description cut after a joining word ("author of", "chief of staff at the time and", "former") THEN the dangling word goes', () => {
    expect(headPhrase('his chief of staff at the time and')).toBe('his chief of staff at the time');
    expect(headPhrase('author of')).toBe('author');
    expect(headPhrase('former')).toBe('');
    expect(headPhrase('nominee and wins the election')).toBe('nominee');
  });

  it('GIVEN a standing in a race ("leads Mr. Trump in national polls") or a sentence ("you\'re a lawyer") THEN no role, while "leads the Council of Economic Advisers" stays', () => {
    expect(headPhrase('leads Mr. Trump in national polls by a three-point margin')).toBe('');
    expect(headPhrase('leads by 7 points among female voters')).toBe('');
    expect(headPhrase("you're a lawyer")).toBe('');
    expect(headPhrase("leads Mr. Obama's Council of Economic Advisers")).toBe("leads Mr. Obama's Council of Economic Advisers");
  });

  it('GIVEN "Hillary Clinton, who leads Mr. Trump in national polls," in an article THEN she gets no role from it', () => {
    const a = analyze(['Hillary Clinton, who leads Mr. Trump in national polls by a three-point margin, spoke in Ohio on Monday.']);
    expect(person(a, 'Hillary Clinton')?.role).toBeUndefined();
  });
});

describe('roles a reader can trust on news nobody tuned for', () => {
  const roleOf = (paragraphs: string[], name: string): string | undefined => person(analyze(paragraphs), name)?.role;

  it('GIVEN an opinion about somebody inside a quotation ("“Ana Ruiz is the best mayor …”") THEN it is no role; said by the writer with its article it is', () => {
    expect(roleOf(['“Ana Ruiz is the best mayor this city ever had,” said Tom Lee, who runs a bakery.'], 'Ana Ruiz')).toBeUndefined();
    expect(roleOf(['Dana Whitfield is correct in her reading of the statute, the court found.'], 'Dana Whitfield')).toBeUndefined();
    expect(roleOf(['Dana Whitfield is a reporter for the Gazette. She covers the courts.'], 'Dana Whitfield')).toBe('reporter for the Gazette');
    expect(roleOf(['Maria Lopez was the person overwhelmingly chosen by readers, the magazine said.'], 'Maria Lopez')).toBeUndefined();
  });

  it('GIVEN a word the lexicon knows as no person noun ("a full day later", "Wherever", "three", "consider") THEN it heads no role', () => {
    expect(isRoleNoun('three')).toBe(false);
    expect(isRoleNoun('later')).toBe(false);
    expect(isRoleNoun('considers')).toBe(false);
    expect(isRoleNoun('disagrees')).toBe(false);
    expect(isRoleNoun('endorsement')).toBe(false);
    expect(isRoleNoun('former')).toBe(false);
    expect(isRoleNoun('oceanographer')).toBe(true);
    expect(isRoleNoun('volunteer')).toBe(true);
    expect(roleOf(['Not a full day later, Maria Lopez resigned from the board.'], 'Maria Lopez')).toBeUndefined();
    expect(roleOf(['Wherever Maria Lopez goes, reporters follow her.'], 'Maria Lopez')).toBeUndefined();
    expect(roleOf(['Conservatives, like Texas Sen. Greg Talbot, consider him a phony.'], 'Greg Talbot')).toBe('Texas Sen.');
  });

  it('GIVEN "a spokesman for Senate Leader Anna Greer" THEN Anna Greer is the Senate Leader, not a spokesman', () => {
    expect(roleOf(['“We have not been briefed,” said Doug Marsh, a spokesman for Senate Leader Anna Greer.'], 'Anna Greer')).toBe('Senate Leader');
  });

  it('GIVEN a description and a form of address before a name ("Fox News legal analyst Judge Carla Benton") THEN they are two roles, not one run-on title', () => {
    expect(roleOf(['Fox News legal analyst Judge Carla Benton said the case was weak.'], 'Carla Benton')).toBe('Judge; Fox News legal analyst');
    expect(roleOf(['Former Texas Gov. Rick Dalton endorsed him on Sunday.'], 'Rick Dalton')).toBe('Former Texas Gov.');
  });

  it('GIVEN an appositive that is another titled person or a sentence ("Admiral Kane, General Hale and the Joint Staff", "our next mayor needs to act") THEN it is no role', () => {
    expect(roleOf(['The plan was drawn up with Admiral Ruth Kane, General Tom Hale and the Joint Staff.'], 'Ruth Kane')).toBe('Admiral');
    expect(roleOf(['To undo the damage done by Mayor Alan Reed, our next mayor needs to act fast.'], 'Alan Reed')).toBe('Mayor');
    expect(roleOf(['Polls show Clinton leading Bernie Sanders, 48 percent to 45 percent among likely voters.'], 'Bernie Sanders')).toBeUndefined();
    expect(roleOf(['On deck, Wade Bassi, 43 years a fisherman, watched the crane.'], 'Wade Bassi')).toBe('43 years a fisherman');
  });

  it('GIVEN a subordinate clause closed by a comma before a name ("If she wants to be the next governor, Laura Finch should …") THEN it is no role; an appositive set off by two commas stays', () => {
    expect(roleOf(['If she wants to be the next governor, Laura Finch should campaign upstate.'], 'Laura Finch')).toBeUndefined();
    expect(roleOf(['The navy gave a higher count, although local media quoted the head of the rescue agency, Tomas Berg, as saying only three were found.'], 'Tomas Berg'))
      .toBe('head of the rescue agency');
  });

  it('GIVEN a phrase with a second determiner before the comma ("the lawsuits her husband, Carl Brandt, faces") THEN the role comes from the last phrase only', () => {
    expect(roleOf(['Nina Brandt never mentioned the lawsuits her husband, Carl Brandt, faces.'], 'Carl Brandt')).toBe("Nina Brandt's husband");
  });

  it('GIVEN a description holding the person\'s own full name ("brother of Hollywood director Ron Harlow") THEN it is not that person\'s role', () => {
    const a = analyze(['Clint Harlow, the younger brother of Hollywood director Ron Harlow, endorsed the senator.', 'Ron Harlow did not comment.']);
    expect(person(a, 'Ron Harlow')?.role ?? '').not.toMatch(/brother/);
  });

  it('GIVEN "with the State Department staffer" after a name THEN the organisation is no affiliation of that name', () => {
    expect(roleOf(['Reporters saw Amy Holt with the State Department staffer in the lobby.'], 'Amy Holt')).toBeUndefined();
  });

  it('GIVEN two descriptions joined by "as well as" THEN only the first is kept', () => {
    expect(headPhrase('strong supporter of gay marriage as well as a giant in the technology community')).toBe('strong supporter of gay marriage');
  });
});

describe('people glued to the words around them', () => {
  it('GIVEN a question or a condition opening with an auxiliary ("Is Obama profiling?", "Should Rubio win Florida") THEN the person is the name alone', () => {
    expect(people(['“What sport is he talking about? Is Obama profiling?” Trump asked.'])).not.toContain('Is Obama');
    expect(people(['Should Marco Rubio win Florida, the race is over, Cillizza wrote.'])).toEqual(expect.arrayContaining(['Marco Rubio']));
    expect(people(['Should Marco Rubio win Florida, the race is over, Cillizza wrote.'])).not.toContain('Should Marco Rubio');
  });

  it('GIVEN a verb opening a sentence before a full name ("Imagine Brad Thor going up against ...") THEN the name is the person; mid-sentence a given name the lists lack stays', () => {
    expect(people(['Imagine Brad Thor going up against both of them on the same stage, he said.'])).toEqual(['Brad Thor']);
    expect(people(['Frank Marshall Davis wrote the book, he said.'])).toEqual(['Frank Marshall Davis']);
  });

  it('GIVEN a party-and-state tag, a saint named for a college, a document after a title or an adjective after a lowercase noun THEN none is a person, while Korean given names are kept', () => {
    const found = people([
      'Committee Chairman Rep. Jason Chaffetz, R-Utah, said the hearing would start with Comey.',
      'The speech will be delivered at St. Anselm’s College on Monday.',
      'Obama wants to put restrictions on gun sales via Executive Order.',
      'He blamed the threat on radical Islamic terrorism, aides said.',
      'He made ISIS-sympathetic comments, and a New York City-based activist complained.',
      'Opposition leader Lee Jae-myung said the decree was illegal.',
    ]);
    expect(found).toEqual(['Jason Chaffetz', 'Lee Jae-myung']);
  });

  it('GIVEN "X told TMZ Sports" THEN the outlet X spoke to is no person', () => {
    expect(people(['“I’ve had a lot of people cancel,” Herschel Walker told TMZ Sports.'])).toEqual(['Herschel Walker']);
  });
});

describe('titles that run on through "of"', () => {
  it('GIVEN "RNC Chief of Staff Katie Walsh" or "Minister of Finance Ana Souza" THEN the word after "of" ends the title and is no part of the name', () => {
    const a = analyze(['That, RNC Chief of Staff Katie Walsh explained, is by design.', 'Minister of Finance Ana Souza said the budget would pass.']);
    expect(person(a, 'Katie Walsh')?.role).toBe('RNC Chief of Staff');
    expect(person(a, 'Ana Souza')?.role).toBe('Minister of Finance');
    expect(people(['That, RNC Chief of Staff Katie Walsh explained, is by design.'])).toEqual(['Katie Walsh']);
  });

  it('GIVEN a lowercase title with its object ("Clinton’s deputy chief of staff Jake Sullivan") THEN the whole title is the role', () => {
    expect(person(analyze(['Clinton’s deputy chief of staff Jake Sullivan said no.']), 'Jake Sullivan')?.role).toBe('Clinton’s deputy chief of staff');
  });
});

describe('publications and shows taken for people', () => {
  it('GIVEN an outlet as the subject of "reported" ("Politico reported", "The Hill reported", "Western Journalism reported") THEN it is no person, while a named reporter is', () => {
    const found = people([
      'Senator Dana Whitfield spoke to bankers in 2014. Politico reported, according to sources in the room, that she praised them.',
      'Her comments came on Sunday, The Hill reported.',
      'Western Journalism reported on Saturday that Mayor Ron Keel is considering a run, and he has hired staff.',
      'Breitbart reports the two former friends had a falling out.',
      'As the Daily Caller reported, the donor “gave big to the foundation.”',
      'Business Insider also commented on her future as a contributor.',
      'Reporter Jenna Moss reported from Ohio that turnout was high.',
    ]);
    expect(found).toEqual(['Dana Whitfield', 'Ron Keel', 'Jenna Moss']);
  });

  it('GIVEN a show or a publication printed with "The" ("on The Laura Ingraham Show", "her show The Kelly File") THEN no person is made of it', () => {
    const found = people([
      '“Well, I like him,” Trump said on The Laura Ingraham Show on Tuesday.',
      'Anchor Megan Kelly defended her show The Kelly File on Monday.',
    ]);
    expect(found.sort()).toEqual(['Megan Kelly', 'Trump']);
  });
});

describe('ordinary people described by their age', () => {
  const roleOf = (paragraphs: string[], name: string): string | undefined => person(analyze(paragraphs), name)?.role;

  it('GIVEN "NAME, 53, a retired teacher from Reno," THEN the description after the age is the role', () => {
    expect(roleOf(['Marvin Tesk, 53, a retired teacher from Reno, is backing the senator.'], 'Marvin Tesk')).toBe('retired teacher from Reno');
  });

  it('GIVEN an age as the only description ("a 61-year-old who …", "as 50-year-old NAME of TOWN") THEN the age is the role, with the town', () => {
    expect(roleOf(['Dai Shulan, a 61-year-old who had five relatives on the flight, said she prayed for them.'], 'Dai Shulan')).toBe('61-year-old');
    expect(roleOf(['The Tribune identified the surfer as 50-year-old Kevin Swanlund of Morro Bay. He was airlifted to a hospital.'], 'Kevin Swanlund'))
      .toBe('50-year-old of Morro Bay');
  });
});

describe('a plural title before two names', () => {
  it('GIVEN "are cabinet ministers NAME and NAME" THEN each is a cabinet minister, the premodifier kept', () => {
    const a = analyze(['The two figures are cabinet ministers Jonah Mavuto and Silas Kasere, who fled to the compound, the source said.']);
    expect(person(a, 'Jonah Mavuto')?.role).toBe('cabinet minister');
    expect(person(a, 'Silas Kasere')?.role).toBe('cabinet minister');
    const b = analyze(['The plan was backed by Democratic senators Ann Dorsey and Luke Pratt on Monday.']);
    expect([person(b, 'Ann Dorsey')?.role, person(b, 'Luke Pratt')?.role]).toEqual(['Democratic senator', 'Democratic senator']);
  });
});

describe('whose relation a pronoun names', () => {
  it('GIVEN "NAME and his wife … her brother, OTHER" THEN the brother is not NAME\'s: the wife is the nearer owner', () => {
    const a = analyze(['“We are still waiting,” Sutrisno said. Sutrisno and his wife were at the centre awaiting news of her brother, Hermanto Kusuma, who was on board.']);
    expect(person(a, 'Hermanto Kusuma')?.role ?? '').not.toMatch(/Sutrisno/);
    const b = analyze(['Eloise Parry, 21, died in April.', '“She was burning up,” her mother, Fiona, said.']);
    expect(person(b, 'Fiona')?.role).toBe("Eloise Parry's mother");
  });
});

describe('roles that swallow the words of the clause around them', () => {
  const roleOf = (paragraphs: string[], name: string): string | undefined => person(analyze(paragraphs), name)?.role;

  it('GIVEN a verb in -s before a title ("a bridge that connects Democratic presidential candidate NAME", "Marsh ties N.J. Gov. NAME") THEN the verb is no part of the role', () => {
    expect(roleOf(['There is a fragile bridge that connects Democratic presidential candidate Helen Marsh and a New York activist.'], 'Helen Marsh'))
      .toBe('Democratic presidential candidate');
    expect(roleOf(['In head-to-head matchups, Marsh tops Dole 41-40; Marsh ties N.J. Gov. Carl Bristow at 42-42.'], 'Carl Bristow')).toBe('N.J. Gov.');
    expect(roleOf(['“It is amusing,” he said. GOP nominees Sen. John McCan, R-Ariz., and Mitt Romano both lost.'], 'John McCan')).toBe('GOP nominee; Sen.');
  });

  it('GIVEN a sentence opening with a prepositional phrase closed by a comma ("In a summation of the Democratic front-runner, NAME said") THEN that phrase describes somebody else', () => {
    expect(roleOf(['In a scathing summation of the Democratic front-runner, Republican candidate Donald Tremont said she had failed.'], 'Donald Tremont'))
      .toBe('Republican candidate');
    expect(roleOf(['In a statement, the head of the agency, Tomas Berg, said three were found.'], 'Tomas Berg')).toBe('head of the agency');
  });

  it('GIVEN a standing in a poll ("NAME leads among men") THEN it is no role', () => {
    expect(roleOf(['The poll showed that Marsh remains the leader among female voters while Donald Tremont leads among men.'], 'Donald Tremont')).toBeUndefined();
  });
});

describe('speakers named before an appositive or a headline', () => {
  it('GIVEN "NAME, a fellow and the president of the D.C.-based Institute, said: “...”" THEN NAME speaks, not the place abbreviation in "D.C.-based"', () => {
    const a = analyze([
      'Senator Paul Whitford has spent the week calling superdelegates who had not yet picked a side.',
      'Ellen Marsh, a Whitford superdelegate from the District and the president of the D.C.-based Civic Data Institute, said: "I do not think it is possible for him to walk away from this now."',
      'Owen Pryce, a Whitford donor and vice president of the U.K.-based Energy Futures Trust, said: “The rule will raise power prices for every family in the country.”',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['I do not think', 'Ellen Marsh'],
      ['The rule will raise', 'Owen Pryce'],
    ]);
  });

  it('GIVEN a headline line "HEADLINE IN CAPITALS - NAME: “...”" THEN the name before the colon speaks, not the headline', () => {
    const a = analyze([
      'Here is what the pollsters made of the week.',
      'SWING STATES LEAN RED FOR THE FIRST TIME - Harold P. Dunmore: “Our analysis of party affiliation at the state level finds that 20 states lean Republican this year.”',
      'TURNOUT MODELS MISSED YOUNG VOTERS - Carla Brightwater: “Young voters turned out at twice the rate we expected in the caucuses.”',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['Our analysis of party', 'Harold P. Dunmore'],
      ['Young voters turned out', 'Carla Brightwater'],
    ]);
  });
});

describe('speakers when the nearest name is not the speaker', () => {
  it('GIVEN a quote inside a sentence whose subject speaks without a speech verb ("NAME, for her part, is labeling the plan “...”") THEN the subject speaks, not whoever spoke before', () => {
    const a = analyze([
      '"We will not raise taxes on working families," Mayor Daniel Ortiz said on Monday.',
      'Governor Ellen Marsh, for her part, is labeling Ortiz\'s plan "a reckless gamble with the savings of every family in the state."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['We will not raise', 'Daniel Ortiz'],
      ['a reckless gamble with', 'Ellen Marsh'],
    ]);
  });

  it('GIVEN an opening phrase that names somebody else ("Like Ortiz, Marsh rejected the idea that …") THEN the subject after the phrase speaks', () => {
    const a = analyze([
      '"The budget is balanced and the reserve is full," Mayor Daniel Ortiz said.',
      'Like Ortiz, Governor Ellen Marsh rejected the idea that there is "room for another round of cuts in the schools this year."',
    ]);
    expect(fullQuotes(a)[1]).toEqual(['room for another round', 'Ellen Marsh']);
  });

  it('GIVEN a body as the subject of the sentence ("The Federal Election Commission was conclusive: “...”") THEN the body speaks', () => {
    const a = analyze([
      '"I will take this all the way to the Supreme Court if I have to," said Lawrence Joyce, who filed the objection.',
      'The Federal Election Commission was conclusive in its findings: "Further discussion on this issue is unnecessary."',
    ]);
    expect(fullQuotes(a)[1]).toEqual(['Further discussion on this', 'Federal Election Commission']);
  });

  it('GIVEN the subject of a passive ("NAME was criticised for ignoring that “...”") THEN that name does not speak and the speaker before does', () => {
    const a = analyze([
      'Sir Keith Joseph said the old system ranked pupils in merit order and nothing else.',
      'Neil Kinnock was criticised for ignoring that the new exams measure "how much or how little pupils understand, know and can do."',
    ]);
    expect(fullQuotes(a)).toEqual([['how much or how', 'Keith Joseph']]);
  });

  it('GIVEN "“...,” NAME shot back" THEN NAME speaks: the verb with its particle is a verb of saying', () => {
    const a = analyze([
      'Bush accused Trump of trying to seize the home of an elderly widow for a casino parking lot.',
      '"Jeb wants to be a tough guy tonight," Trump shot back. "Let me talk, please."',
    ]);
    expect(fullQuotes(a)).toEqual([
      ['Jeb wants to be', 'Trump'],
      ['Let me talk, please.', 'Trump'],
    ]);
  });

  it('GIVEN a quote finished by the writer\'s clause and an inverted cue ("“...” since ..., said NAME") THEN NAME speaks, not the speaker before', () => {
    const a = analyze([
      '"The court has never been this divided," said Laurence Tribe, a professor at Harvard.',
      '"To see the number of cases that could change with this appointee is stunning," since so many were decided by a single vote, said Lee Epstein, who teaches constitutional law.',
    ]);
    expect(fullQuotes(a)[1]).toEqual(['To see the number', 'Lee Epstein']);
  });

  it('GIVEN an appositive with commas of its own ("NAME, assistant secretary for population, refugees, and migration, said") THEN NAME speaks', () => {
    const a = analyze([
      '"We expect to admit more families next year," said Amy Pope, the deputy homeland security adviser.',
      'The new plans "will not solve this challenge, but are steps in the right direction," Anne Richards, assistant secretary of state for population, refugees, and migration, said on the same call.',
    ]);
    expect(fullQuotes(a)[1]).toEqual(['will not solve this', 'Anne Richards']);
  });
});

describe('speakers named after a description', () => {
  it('GIVEN "“...,” said NAME\'s deputy campaign manager, OTHER" THEN OTHER speaks: the name before the title only says whose deputy', () => {
    const a = analyze([
      '"With about half the vote in by Election Day, we are treating the next four weeks as one long Election Day," said Rubio\'s deputy campaign manager, Rich Beeson, who ran the 2012 ground game.',
    ]);
    expect(fullQuotes(a)).toEqual([['With about half the', 'Rich Beeson']]);
  });

  it('GIVEN a paragraph opening with somebody else\'s words and a cue sentences later ("NAME sings, “...” ... “...?” he said") THEN the opening quote is not the later speaker\'s', () => {
    const a = analyze([
      'The mayor has not changed his mind on the budget in twenty years.',
      'In his best-known song, Billy Joel sings, "Don\'t go changing to try and please me." With Mayor Tom Reyes, there is not much chance of that. Just ask him. "You think I am going to change now?" he said at a news conference last week.',
    ]);
    expect(fullQuotes(a)).toEqual([
      ["Don't go changing to", 'Billy Joel'],
      ['You think I am', 'Tom Reyes'],
    ]);
  });
});

describe('programmes, departments and regions taken for people', () => {
  it('GIVEN "Homeland Security", "Social Security", "Edison Research" or "the Rust Belt" THEN none is a person', () => {
    const names = people([
      'The Department of Homeland Security said Social Security would not be touched, according to exit polls by Edison Research.',
      'Voters across the Rust Belt backed the measure.',
    ]);
    expect(names).toEqual([]);
  });
});

describe('verbs opening a sentence taken for given names', () => {
  it('GIVEN "Chasing Trump in the polls, NAME said" or "Following Sanders to the stage, …" THEN no person "Chasing Trump" or "Following Sanders"', () => {
    const names = people([
      'Chasing Trump in the polls, Senator Marco Rubio said the party could not wait.',
      'Following Sanders to the stage, the governor spoke for ten minutes.',
    ]);
    expect(names).not.toContain('Chasing Trump');
    expect(names).not.toContain('Following Sanders');
    expect(names).toContain('Marco Rubio');
  });
});

describe('words of status taken for names', () => {
  it('GIVEN a sentence opening "Former Obama speechwriter NAME" THEN "Former Obama" is no person, and NAME keeps the whole title', () => {
    const a = analyze(['Former Obama speechwriter Jon Favreau published a column in The Daily Beast on Tuesday.']);
    expect(people(['Former Obama speechwriter Jon Favreau published a column in The Daily Beast on Tuesday.'])).toEqual(['Jon Favreau']);
    expect(person(a, 'Jon Favreau')?.role).toBe('Former Obama speechwriter');
  });
});

describe('people named only in passing', () => {
  it('GIVEN "the Obama administration" or "Biden administration officials" THEN the leader is a person, and no "he" points back to that name', () => {
    const a = analyze([
      'Republicans pilloried the Obama administration for proposing a large stimulus.',
      'Biden administration officials said they were not told in advance.',
      'Senator Mark Warner voted for the bill in 2009.',
      'When Congress passed the stimulus backed by the Obama administration, he called it "a responsible mix of tax cuts and investments."',
    ]);
    expect(people(['Republicans pilloried the Obama administration for proposing a large stimulus.', 'Biden administration officials said they were not told in advance.'])).toEqual(['Obama', 'Biden']);
    expect(fullQuotes(a)).toEqual([['a responsible mix of', 'Mark Warner']]);
  });

  it('GIVEN one name set off after a noun for a person ("his first wife, Sally,", "The captain, Iriyanto,") THEN it is a person with that role', () => {
    const a = analyze([
      'Mr Mugabe began an affair with Grace in the early 1990s, as his first wife, Sally, was dying of kidney disease.',
      'The captain, Iriyanto, an Indonesian who uses only one name, was a former air-force fighter pilot.',
    ]);
    expect(person(a, 'Sally')?.role).toBe("Mugabe's first wife");
    expect(person(a, 'Iriyanto')?.role).toBe('captain');
  });
});

describe('a later form of the name taken for a role', () => {
  it('GIVEN "NAME, now Lord SURNAME of PLACE," THEN the peerage is no role, while a firm named after the family stays one', () => {
    const a = analyze([
      'Kenneth Baker, now Lord Baker of Dorking, took over the schools brief in 1986.',
      'Tyler Besecker, president of Mercer Island-based Dana F. Besecker Company, said the fleet was idle.',
    ]);
    expect(person(a, 'Kenneth Baker')?.role).toBeUndefined();
    expect(person(a, 'Tyler Besecker')?.role).toBe('president of Mercer Island-based Dana F. Besecker Company');
  });
});
