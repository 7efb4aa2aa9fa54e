/**
 * Quote, speaker, people and role scoring of one analysed article against gold of the seed
 * format. The rules follow the project's scoring description word for word (normalisation,
 * `starts` matching, one-to-one maximal matching, surname folding, half of the role's content
 * words), so figures here and from the development scorer agree.
 */
import type { AnalysisJson } from '../analyze/types.ts';
import type { GoldArticle } from './gold.ts';

const APOSTROPHES = /['\u2019\u2018\u02bc`\u00b4]/g;

function stripAccents(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Lowercase, accents stripped, apostrophes dropped, other punctuation -> space, split. */
export function normTokens(s: string): string[] {
  return stripAccents(s ?? '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}\s]|_/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Whitespace folded, case-insensitive, typographic quotes made plain. */
export function foldWhitespace(s: string): string {
  return (s ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

const NAME_FOLD: Record<string, string> = { zelenskyy: 'zelensky', zelenskiy: 'zelensky', sergei: 'sergey' };
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function nameTokens(name: string): string[] {
  const s = stripAccents(name ?? '').replace(/['\u2019\u2018\u02bc`\u00b4]s\b/gi, '');
  const toks = normTokens(s);
  while (toks.length > 1 && NAME_SUFFIXES.has(toks[toks.length - 1]!)) toks.pop();
  return toks.map((t) => NAME_FOLD[t] ?? t);
}

/** The scoring surname: last word after accents, possessive and Jr/Sr/II removed, folded. */
export function scoringSurname(name: string): string {
  const toks = nameTokens(name);
  return toks[toks.length - 1] ?? '';
}

function orgMatch(gold: string, system: string): boolean {
  const g = nameTokens(gold).join(' ');
  const s = nameTokens(system).join(' ');
  if (!g || !s) return false;
  return g === s || ` ${s} `.includes(` ${g} `) || ` ${g} `.includes(` ${s} `);
}

const STOPWORDS = new Set(
  'a an the of for and or to in on at by with from as his her its their who which that this these those he she it they is was be been has have had whose whom'.split(
    ' ',
  ),
);

function contentWords(s: string): Set<string> {
  const t = stripAccents(s ?? '').toLowerCase().replace(/\./g, '').replace(/['\u2019\u2018\u02bc`\u00b4]s\b/g, '');
  return new Set(t.split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOPWORDS.has(w)));
}

function roleSharesHalf(gold: string, system: string): boolean {
  const g = contentWords(gold);
  const s = contentWords(system);
  let common = 0;
  for (const w of g) if (s.has(w)) common++;
  return g.size > 0 && 2 * common >= g.size;
}

/** True when the system role holds at least half of the gold role's content words (or of one `;` alternative). */
export function roleCorrect(gold: string, system: string | undefined, strict = false): boolean {
  if (!system) return false;
  const alternatives = strict ? [gold] : [gold, ...gold.split(';').filter((p) => p.trim())];
  return alternatives.some((a) => roleSharesHalf(a, system));
}

function prefixMatch(sys: string[], gold: string[]): boolean {
  if (!sys.length || !gold.length) return false;
  if (gold.every((t, i) => sys[i] === t)) return true;
  const head = sys.slice(0, 6);
  return head.every((t, i) => gold[i] === t);
}

function containsRun(hay: string[], needle: string[]): boolean {
  for (let k = 0; k + needle.length <= hay.length; k++) if (needle.every((t, i) => hay[k + i] === t)) return true;
  return false;
}

/** Maximum bipartite matching (augmenting paths); returns gold index -> system index. */
function maxMatching(edges: number[][]): Map<number, number> {
  const matchRight = new Map<number, number>();
  const tryAssign = (i: number, seen: Set<number>): boolean => {
    for (const j of edges[i]!) {
      if (seen.has(j)) continue;
      seen.add(j);
      const owner = matchRight.get(j);
      if (owner === undefined || tryAssign(owner, seen)) {
        matchRight.set(j, i);
        return true;
      }
    }
    return false;
  };
  edges.forEach((_, i) => tryAssign(i, new Set()));
  return new Map([...matchRight.entries()].map(([j, i]) => [i, j]));
}

/** Summable counts of one article. */
export interface QuoteCounts {
  goldQuotes: number;
  systemQuotes: number;
  matched: number;
  foundInside: number;
  namedGold: number;
  namedMatched: number;
  speakerCorrect: number;
  goldPeople: number;
  peopleFound: number;
  goldRoles: number;
  rolesOfFound: number;
  roleCorrect: number;
  roleCorrectStrict: number;
  /** System persons, on articles whose gold lists its people (the lists are exhaustive). */
  systemPeople: number;
  systemPeopleMatched: number;
  /** Matched system persons with a role, and those whose role is right. */
  systemRoles: number;
  systemRolesCorrect: number;
}

export interface QuoteDetails {
  missedGold: string[];
  unmatchedSystem: string[];
  speakerWrong: Array<{ starts: string; gold: string | null; system: string | null }>;
  peopleMissed: string[];
  rolesWrong: Array<{ name: string; gold: string; system: string[] }>;
  /** System persons that name nobody of the gold list. */
  peopleSpurious: string[];
  /** Roles given to matched system persons that the gold does not support. */
  systemRolesWrong: Array<{ name: string; role: string }>;
}

export function emptyCounts(): QuoteCounts {
  return {
    goldQuotes: 0, systemQuotes: 0, matched: 0, foundInside: 0, namedGold: 0, namedMatched: 0, speakerCorrect: 0,
    goldPeople: 0, peopleFound: 0, goldRoles: 0, rolesOfFound: 0, roleCorrect: 0, roleCorrectStrict: 0,
    systemPeople: 0, systemPeopleMatched: 0, systemRoles: 0, systemRolesCorrect: 0,
  };
}

export function addCounts(total: QuoteCounts, c: QuoteCounts): QuoteCounts {
  for (const key of Object.keys(total) as Array<keyof QuoteCounts>) total[key] += c[key];
  return total;
}

/** Surnames of every gold person (names and aliases) of the given articles. */
export function goldPersonSurnames(articles: readonly GoldArticle[]): Set<string> {
  const out = new Set<string>();
  for (const a of articles) for (const p of a.people) for (const n of [p.name, ...(p.aliases ?? [])]) if (n) out.add(scoringSurname(n));
  return out;
}

/** The part of an analysis the scorer reads; the baseline produces the same shape. */
export type ScoredAnalysis = Pick<AnalysisJson, 'quotes' | 'entities'>;

/**
 * Scores one analysed article and returns its counts and what went wrong. A gold speaker is a
 * person when its surname is a gold person's (of this article or `personSurnames`), else an
 * organisation matched by whole-word containment.
 */
export function scoreArticle(gold: GoldArticle, analysis: ScoredAnalysis, personSurnames: ReadonlySet<string> = new Set()): { counts: QuoteCounts; details: QuoteDetails } {
  const persons = new Set([...personSurnames, ...goldPersonSurnames([gold])]);
  const system = analysis.quotes
    .filter((q) => q.partial !== true && q.text.split(/\s+/).filter(Boolean).length >= 4)
    .map((q) => ({ text: q.text, speaker: q.speaker, toks: normTokens(q.text) }));
  const goldToks = gold.quotes.map((q) => normTokens(q.starts));
  const match = maxMatching(goldToks.map((gt) => system.flatMap((s, j) => (prefixMatch(s.toks, gt) ? [j] : []))));

  const counts = emptyCounts();
  counts.goldQuotes = gold.quotes.length;
  counts.systemQuotes = system.length;
  counts.matched = match.size;
  const details: QuoteDetails = { missedGold: [], unmatchedSystem: [], speakerWrong: [], peopleMissed: [], rolesWrong: [], peopleSpurious: [], systemRolesWrong: [] };

  gold.quotes.forEach((q, i) => {
    const named = q.named !== false && q.speaker !== null;
    if (named) counts.namedGold++;
    const j = match.get(i);
    if (j === undefined) {
      details.missedGold.push(q.starts);
      if (goldToks[i]!.length && system.some((s) => containsRun(s.toks, goldToks[i]!))) counts.foundInside++;
      return;
    }
    if (!named) return;
    counts.namedMatched++;
    const goldSpeaker = q.speaker ?? '';
    const systemSpeaker = system[j]!.speaker ?? '';
    const isOrg = !persons.has(scoringSurname(goldSpeaker));
    const ok = systemSpeaker !== '' && (isOrg ? orgMatch(goldSpeaker, systemSpeaker) : scoringSurname(goldSpeaker) === scoringSurname(systemSpeaker));
    if (ok) counts.speakerCorrect++;
    else details.speakerWrong.push({ starts: q.starts, gold: q.speaker, system: system[j]!.speaker });
  });
  const matchedSystem = new Set(match.values());
  system.forEach((s, j) => {
    if (!matchedSystem.has(j)) details.unmatchedSystem.push(s.text.slice(0, 120));
  });

  const people = analysis.entities.filter((e) => e.type === 'person');
  const surnamesOf = people.map((e) => new Set([e.name, ...e.aliases].filter(Boolean).map(scoringSurname)));
  const scoredPeople = gold.people.filter((p) => !p.caption_only);
  counts.goldPeople = scoredPeople.length;
  for (const p of scoredPeople) {
    const sn = scoringSurname(p.name);
    const hits = people.filter((_, k) => sn !== '' && surnamesOf[k]!.has(sn));
    if (hits.length) counts.peopleFound++;
    else details.peopleMissed.push(p.name);
    if (!p.role) continue;
    counts.goldRoles++;
    if (!hits.length) continue;
    counts.rolesOfFound++;
    const roles = hits.map((e) => e.role ?? '');
    if (roles.some((r) => roleCorrect(p.role!, r))) counts.roleCorrect++;
    else details.rolesWrong.push({ name: p.name, gold: p.role, system: roles.filter(Boolean) });
    if (roles.some((r) => roleCorrect(p.role!, r, true))) counts.roleCorrectStrict++;
  }
  scorePrecision(gold, people, surnamesOf, counts, details);
  return { counts, details };
}

/**
 * People and role precision: a system person matches a gold person (caption-only ones included)
 * when one of its surnames is that person's surname or any word of their name or aliases; its
 * role is right by `roleCorrect` against a matched person's role, and wrong where that is null.
 */
function scorePrecision(
  gold: GoldArticle,
  people: ScoredAnalysis['entities'],
  surnamesOf: ReadonlyArray<Set<string>>,
  counts: QuoteCounts,
  details: QuoteDetails,
): void {
  const goldWords = gold.people.map((p) => {
    const words = new Set<string>();
    for (const n of [p.name, ...(p.aliases ?? [])]) {
      if (!n) continue;
      words.add(scoringSurname(n));
      for (const t of nameTokens(n)) words.add(t);
    }
    return { p, words };
  });
  people.forEach((e, k) => {
    const matches = goldWords.filter(({ words }) => [...surnamesOf[k]!].some((s) => words.has(s))).map(({ p }) => p);
    const role = (e.role ?? '').trim();
    counts.systemPeople++;
    if (!matches.length) {
      details.peopleSpurious.push(e.name);
      return;
    }
    counts.systemPeopleMatched++;
    if (!role) return;
    counts.systemRoles++;
    if (matches.some((p) => typeof p.role === 'string' && roleCorrect(p.role, role))) counts.systemRolesCorrect++;
    else details.systemRolesWrong.push({ name: e.name, role });
  });
}

const ratio = (a: number, b: number): number | null => (b ? Math.round((a / b) * 10000) / 10000 : null);

/** Pooled figures from summed counts. */
export function quoteMetrics(c: QuoteCounts): Record<string, number | null> {
  let precision = ratio(c.matched, c.systemQuotes);
  if (precision === null) precision = c.goldQuotes === 0 ? 1 : 0;
  const recall = ratio(c.matched, c.goldQuotes);
  const f1 = recall === null ? null : precision + recall === 0 ? 0 : Math.round(((2 * precision * recall) / (precision + recall)) * 10000) / 10000;
  return {
    quote_precision: precision,
    quote_recall: recall,
    quote_f1: f1,
    quote_recall_lenient: ratio(c.matched + c.foundInside, c.goldQuotes),
    speaker_accuracy: ratio(c.speakerCorrect, c.namedMatched),
    speaker_end_to_end: ratio(c.speakerCorrect, c.namedGold),
    people_recall: ratio(c.peopleFound, c.goldPeople),
    role_accuracy: ratio(c.roleCorrect, c.rolesOfFound),
    role_accuracy_all: ratio(c.roleCorrect, c.goldRoles),
    role_accuracy_strict: ratio(c.roleCorrectStrict, c.rolesOfFound),
    people_precision: ratio(c.systemPeopleMatched, c.systemPeople),
    role_precision: ratio(c.systemRolesCorrect, c.systemRoles),
    gold_quotes: c.goldQuotes,
    system_quotes: c.systemQuotes,
    matched: c.matched,
    gold_people: c.goldPeople,
    people_found: c.peopleFound,
  };
}

/** The `mustNotContain` strings found in the text or in any quote. */
export function mustNotContainLeaks(strings: readonly string[], text: string, quotes: ReadonlyArray<{ text: string }>): string[] {
  const folded = foldWhitespace(text);
  const quoteTexts = quotes.map((q) => foldWhitespace(q.text));
  return strings.filter((s) => {
    const k = foldWhitespace(s);
    return folded.includes(k) || quoteTexts.some((q) => q.includes(k));
  });
}
