import words from './lexicon/words.json' with { type: 'json' };
import type { Gender } from './types.ts';

/** Word classes the rules below rely on; all lowercase. */
const set = (...lists: readonly string[][]): ReadonlySet<string> => new Set(lists.flat());

// Given names that are also titles or common words ("Frank", "Bill"), missing from the word lists.
const maleNames = set(words.maleNames, ['dean', 'earl', 'marshall', 'carter', 'chase', 'hunter', 'major', 'frank', 'bill', 'ray', 'gene', 'rusty']);
const femaleNames = set(words.femaleNames, ['sandy']);
const firstNames = set([...maleNames], [...femaleNames], words.firstNames);
export const lastNames = set(words.lastNames);

export const places = set(words.countries, words.cities, words.regions, [
  'africa', 'asia', 'europe', 'america', 'north america', 'south america', 'latin america', 'middle east',
  'antarctica', 'oceania', 'the west', 'gaza', 'west bank', 'crimea', 'donbas', 'kyiv', 'kiev', 'moscow',
  'washington', 'beijing', 'tehran', 'brussels', 'london', 'paris', 'berlin', 'scotland', 'wales', 'england',
  'britain', 'great britain', 'northern ireland', 'u.s.', 'us', 'u.k.', 'uk', 'usa', 'u.s.a.', 'new york',
  'silicon valley', 'wall street', 'capitol hill', 'downing street', 'whitehall', 'kremlin',
]);
export const placeWords = set(words.placeWords, ['city', 'province', 'region', 'county', 'state', 'district', 'sea', 'ocean', 'river', 'street', 'square', 'airport', 'strait', 'gulf', 'belt']);

export const orgWords = set(words.orgWords, [
  'party', 'nations', 'assembly', 'court', 'parliament', 'congress', 'senate', 'ministry', 'airline', 'airlines',
  'airways', 'agency', 'organisation', 'organization', 'institute', 'alliance', 'forces', 'navy', 'command',
  'cabinet', 'commission', 'council', 'tribunal', 'post', 'news', 'journal', 'times', 'telegraph', 'guardian',
  'tribune', 'reuters', 'bloomberg', 'network', 'media', 'press', 'review', 'kremlin', 'pentagon', 'fbi', 'cia',
  'nasa', 'vatican', 'congregation', 'unit', 'office', 'secretariat', 'treasury', 'bureau', 'authority',
  'administration', 'service', 'services', 'ltd', 'plc', 'llc', 'gmbh', 'sa', 'ag', 'inc.', 'corp.', 'co.',
  'foods', 'finance', 'technologies', 'networks', 'ventures', 'stores', 'brokerage', 'bancorp', 'pharma', 'therapeutics',
  'biosciences', 'semiconductor', 'semiconductors', 'software', 'studios', 'records',
  // Last words of programmes, departments and firms that no surname has ("Homeland Security", "Edison Research").
  'security', 'research', 'liberties',
]);

/** Nouns for what a person leads, named after that person ("the Obama administration"). */
export const ledByNouns: ReadonlySet<string> = new Set(['administration', 'presidency']);

/** "R-Ky", "D-N.Y", "I-Vt": a lawmaker's party and state, printed as one token. */
export function isPartyStateTag(token: string): boolean {
  return /^[DRI]-\p{Lu}[\p{L}.]{0,12}$/u.test(token);
}

/** Named organisations and sports teams ("wells fargo", "carolina panthers"), lowercase. */
export const organizations = set(words.organizations);

/**
 * Words known as something other than a person noun ("three", "better", "wherever",
 * "considers"), lowercase: an ending such as -er or -ent does not make them one.
 */
export const notPersonNouns = set(words.notPersonNouns);

/** Words that open a subordinate clause ("when", "because"): what follows them is no main clause. */
export const subordinatingWords: readonly string[] = ['when', 'while', 'after', 'before', 'although', 'though', 'because', 'since', 'if', 'once', 'until', 'unless'];

/** Finite verb forms and gerunds ("made", "explains", "demanding"), lowercase. */
export const verbForms = set(words.verbForms);

/**
 * Last words that make a capitalised phrase a law, an event, a day or a programme, never a
 * person ("Clean Air Act", "Labor Day", "Paris Agreement", "Super Bowl").
 */
export const thingHeads = set([
  'act', 'acts', 'bill', 'law', 'laws', 'order', 'orders', 'decree', 'directive', 'memorandum', 'ordinance', 'statute', 'amendment', 'treaty', 'accord', 'accords', 'agreement', 'protocol', 'convention',
  'charter', 'constitution', 'code', 'doctrine', 'day', 'days', 'eve', 'week', 'month', 'year', 'games', 'olympics', 'cup',
  'bowl', 'series', 'open', 'championship', 'championships', 'league', 'prize', 'award', 'awards', 'festival', 'summit',
  'conference', 'forum', 'expo', 'fair', 'program', 'programme', 'initiative', 'plan', 'index', 'report', 'survey',
  'project', 'scheme', 'war', 'revolution', 'crisis', 'movement', 'era', 'age', 'syndrome', 'disease', 'virus', 'award',
  'church', 'cathedral', 'mosque', 'temple', 'hall', 'stadium', 'arena', 'building', 'tower', 'bridge', 'station', 'airport',
  'highway', 'road', 'avenue', 'boulevard', 'trail', 'park', 'beach', 'island', 'islands', 'mountain', 'mountains', 'valley',
  'lake', 'river', 'bay', 'coast', 'peninsula', 'canyon', 'forest', 'desert', 'museum', 'gallery', 'theater', 'theatre',
  'hotel', 'restaurant', 'café', 'cafe', 'bar', 'pub', 'market', 'mall', 'store', 'shop', 'app', 'platform', 'network',
]);

export const demonyms = set(words.demonyms, ['u.s.', 'us', 'european', 'western', 'soviet', 'ukrainian', 'russian']);

/**
 * Words that name a title or a job. A run of these in front of a name is a role
 * ("State Department spokesman", "Russian Foreign Minister").
 */
export const titleNouns = set(words.roleNouns, formalTitleList());

/**
 * Titles and offices proper ("President", "Sen.", "Chief"): only these make a capitalised word
 * in front of a name a title. The broader `titleNouns` also holds "human", "character" or
 * "driver", which open names of things as often ("Human Rights", "Character Study").
 */
export const formalTitles: ReadonlySet<string> = new Set(formalTitleList());

function formalTitleList(): string[] {
  return [
  'president', 'vice president', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson',
  'senator', 'sen.', 'representative', 'rep.', 'delegate', 'del.', 'amb.', 'sec.', 'atty.', 'supt.', 'cmdr.', 'lt. gov.', 'congressman', 'congresswoman', 'governor', 'gov.', 'mayor',
  'chancellor', 'ambassador', 'envoy', 'diplomat', 'general', 'gen.', 'admiral', 'adm.', 'colonel', 'col.',
  'commander', 'chief', 'director', 'chairman', 'chairwoman', 'chair', 'head', 'leader', 'official', 'officials',
  'officer', 'ceo', 'cfo', 'coo', 'founder', 'co-founder', 'executive', 'professor', 'prof.', 'analyst',
  'economist', 'researcher', 'scientist', 'lawyer', 'attorney', 'judge', 'justice', 'prosecutor', 'detective',
  'inspector', 'sheriff', 'captain', 'capt.', 'pilot', 'king', 'queen', 'prince', 'princess', 'pope',
  'archbishop', 'bishop', 'cardinal', 'priest', 'rabbi', 'imam', 'coach', 'manager', 'editor', 'reporter',
  'correspondent', 'columnist', 'writer', 'author', 'journalist', 'premier', 'mp', 'lawmaker', 'legislator',
  'deputy', 'commissioner', 'councillor', 'councilman', 'councilwoman', 'activist', 'campaigner', 'adviser',
  'advisor', 'aide', 'superintendent', 'sergeant', 'sgt.', 'lieutenant', 'lt.', 'major', 'maj.', 'constable',
  'chairperson', 'treasurer', 'emir', 'sheikh', 'dictator', 'candidate', 'nominee', 'member', 'mother',
  'father', 'wife', 'husband', 'son', 'daughter', 'brother', 'sister', 'widow', 'uncle', 'aunt', 'nephew',
  'niece', 'cousin', 'grandfather', 'grandmother', 'grandson', 'granddaughter', 'owner', 'partner',
  'president-elect', 'secretary-general', 'dr.', 'dr', 'rev.', 'reverend', 'sir', 'dame', 'lord', 'lady',
  'baroness', 'baron', 'duke', 'duchess', 'speaker', 'whip', 'marshal', 'trooper', 'agent', 'counsel',
  'solicitor', 'barrister', 'magistrate', 'consul', 'attaché', 'strategist', 'pollster', 'organiser',
  'organizer', 'principal', 'dean', 'chaplain', 'mufti', 'ayatollah', 'cleric', 'monarch', 'regent',
  'tsar', 'czar', 'warden', 'surgeon', 'physician', 'doctor', 'nurse', 'paramedic', 'firefighter',
  'vice-president', 'vice-president-elect', 'prefect',
];
}

/** Degrees and licences printed after a name ("MD", "Ph.D.", "MPH"), without dots, lowercase. */
const POST_NOMINALS = set(['md', 'phd', 'do', 'rn', 'dds', 'dmd', 'dvm', 'pharmd', 'mph', 'mba', 'jd', 'edd', 'psyd', 'msw', 'lcsw', 'frcp', 'facs', 'facp', 'esq']);

/** True for a degree or licence after a name ("MD", "Ph.D."); only its printed capitals count. */
export function isPostNominal(word: string): boolean {
  return /^\p{Lu}/u.test(word) && POST_NOMINALS.has(word.replace(/[.\s]/g, '').toLowerCase());
}

/** Words that sit inside a title chain without being the title ("Foreign", "State", "Department"). */
export const titleModifiers = set([
  'foreign', 'defense', 'defence', 'interior', 'finance', 'health', 'home', 'state', 'department', 'deputy',
  'vice', 'acting', 'former', 'ex', 'top', 'senior', 'junior', 'chief', 'executive', 'general', 'prime',
  'first', 'assistant', 'associate', 'managing', 'national', 'security', 'foreign-affairs', 'affairs',
  'justice', 'economy', 'economic', 'trade', 'energy', 'education', 'labour', 'labor', 'transport',
  'environment', 'culture', 'agriculture', 'treasury', 'attorney', 'special', 'presidential', 'press',
  'communications', 'policy', 'party', 'opposition', 'regional', 'local', 'federal', 'provincial', 'shadow',
  'interim', 'outgoing', 'incoming', 'new', 'late', 'longtime', 'long-time', 'veteran', 'wartime',
  'supreme', 'high', 'lord', 'grand', 'principal', 'lead', 'co', 'emeritus', 'retired', 'then', 'house',
  'senate', 'parliament', 'assembly', 'council', 'committee', 'court', 'elect',
]);

/** Forms of address in front of a name, with the gender they imply where they imply one. */
export const honorifics: ReadonlyMap<string, Gender | undefined> = new Map<string, Gender | undefined>([
  ['mr', 'male'], ['mr.', 'male'], ['sir', 'male'], ['lord', 'male'], ['king', 'male'], ['prince', 'male'],
  ['mrs', 'female'], ['mrs.', 'female'], ['ms', 'female'], ['ms.', 'female'], ['miss', 'female'],
  ['dame', 'female'], ['lady', 'female'], ['queen', 'female'], ['princess', 'female'], ['baroness', 'female'],
  ['dr', undefined], ['dr.', undefined], ['prof', undefined], ['prof.', undefined], ['rev', undefined],
  ['rev.', undefined], ['sen.', undefined], ['rep.', undefined], ['gov.', undefined], ['gen.', undefined],
  ['lt.', undefined], ['col.', undefined], ['capt.', undefined], ['sgt.', undefined], ['adm.', undefined],
  ['maj.', undefined], ['det.', undefined], ['del.', undefined], ['amb.', undefined], ['sec.', undefined], ['atty.', undefined], ['sgt', undefined], ['insp.', undefined], ['supt.', undefined], ['cpl.', undefined],
  ['pvt.', undefined], ['hon.', undefined], ['st.', undefined], ['fr.', 'male'], ['sr.', undefined],
]);

/** Capitalised words that begin sentences or headings but are never part of a name. */
export const capitalisedFunctionWords = set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'so', 'yet', 'for', 'if', 'in', 'on', 'at', 'to', 'of', 'by',
  'with', 'from', 'as', 'after', 'before', 'since', 'until', 'when', 'while', 'where', 'why', 'how', 'what',
  'who', 'whom', 'which', 'that', 'this', 'these', 'those', 'there', 'here', 'he', 'she', 'it', 'they', 'we',
  'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'him', 'them', 'us', 'me', 'not', 'no',
  'yes', 'all', 'some', 'many', 'most', 'more', 'several', 'both', 'each', 'every', 'other', 'another', 'such',
  'however', 'meanwhile', 'also', 'still', 'then', 'now', 'today', 'yesterday', 'tomorrow', 'instead',
  'although', 'though', 'because', 'despite', 'during', 'under', 'over', 'about', 'against', 'among',
  'between', 'into', 'through', 'without', 'within', 'across', 'along', 'around', 'behind', 'beyond',
  'near', 'like', 'unlike', 'per', 'via', 'than', 'only', 'even', 'just', 'already', 'again', 'once',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.',
  'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.', 'read', 'more',
  'photo', 'image', 'video', 'watch', 'click', 'share', 'follow', 'subscribe', 'sign', 'support', 'related',
  'advertisement', 'update', 'updated', 'breaking', 'exclusive', 'opinion', 'analysis', 'comment', 'editorial',
  'according', 'asked', 'said', 'says', 'told', 'added', 'earlier', 'later', 'last', 'next', 'first',
  'second', 'third', 'one', 'two', 'three', 'four', 'five', 'ten', 'hundreds', 'thousands', 'millions',
  'dear', 'happy', 'merry', 'upper', 'lower', 'greater', 'thank', 'thanks', 'please', 'once', 'monthly', 'annual', 'continue', 'preview', 'remind',
  'christmas', 'easter', 'ramadan', 'covid', 'covid-19', 'internet', 'god', 'lord', 'allah', 'english',
  'mother', 'father', 'mom', 'dad', 'mum', 'ok', 'okay', 'oh', 'well', 'why', 'hello', 'hi',
]);

/** Returns the gender usually carried by a first name, when the word lists know it. */
export function genderOfFirstName(word: string): Gender | undefined {
  const lower = word.toLowerCase();
  const male = maleNames.has(lower);
  const female = femaleNames.has(lower);
  if (male === female) return undefined;
  return male ? 'male' : 'female';
}

/** True when the word is a known given name. */
export function isFirstName(word: string): boolean {
  return firstNames.has(word.toLowerCase());
}

/** Honorifics written with a final period ("dr." -> "dr"): looked up without building `word + '.'` per call. */
const HONORIFICS_WITHOUT_PERIOD: ReadonlySet<string> = new Set([...honorifics.keys()].filter((h) => h.endsWith('.')).map((h) => h.slice(0, -1)));

/** "al-Bashir", "bin-Salman", "el-Sisi": a lowercase article joined to a capitalised name. */
export const ARABIC_ARTICLE = /^(al|el|ad|as|ash|at|az|ul|bin|ibn|abu|ben)-\p{Lu}/u;

/** True for an honorific written without its period ("dr", "sen"). */
export function isHonorificWithoutPeriod(word: string): boolean {
  return HONORIFICS_WITHOUT_PERIOD.has(word);
}

/** True for a title or honorific ("minister", "sen.", "attorney-general"); lowercase input. */
export function isTitle(word: string): boolean {
  if (titleNouns.has(word) || honorifics.has(word) || HONORIFICS_WITHOUT_PERIOD.has(word)) return true;
  // "Attorney-General", "Director-General", "Vice-President".
  const dash = word.lastIndexOf('-');
  return dash > 0 && titleNouns.has(word.slice(dash + 1)) && !ARABIC_ARTICLE.test(word);
}
