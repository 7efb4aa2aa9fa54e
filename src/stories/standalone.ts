import type { Analysis, Sentence } from '../analyze/types.ts';
import { BoundedMap } from '../core/bounded-map.ts';

/**
 * Makes a sentence read on its own in a briefing, where the sentences before it are not shown.
 * Feed and page text was written to be read in order: "He added…", "But it took…", "That is
 * when…" point back at something the reader of a briefing has not seen.
 */

/** Words that link a sentence to the one before; dropped when what follows stands alone. */
const CONNECTIVES = new Set([
  'but', 'and', 'also', 'however', 'meanwhile', 'still', 'yet', 'so', 'instead', 'moreover', 'furthermore',
  'besides', 'then', 'thus', 'plus', 'nonetheless', 'nevertheless', 'likewise', 'similarly', 'additionally',
]);

/** Openers that point back at a thing or an event: no sure antecedent can be told, so the sentence is not chosen. */
const POINTING_OPENERS = new Set(['it', 'its', 'they', 'their', 'them', 'this', 'these', 'those', 'that', 'him', 'theirs', 'there']);

/** Openers that point back at a person: rewritten with the person's surname when that person is sure. */
const PERSON_PRONOUNS: Record<string, 'subject' | 'possessive'> = { he: 'subject', she: 'subject', his: 'possessive', her: 'possessive' };

const OPENING_MARKS = /^[\s"“‘'([]*/;
const DATELINE = /^\p{Lu}[\p{Lu} .'-]{1,30}(?:,\s*[\p{L} .]{2,30})?(?:\s*\([A-Za-z]{2,12}\))?\s+[—–-]{1,2}\s+(?=\p{Lu})/u;

/** A person the analysis found, with the forms a sentence may name them by. */
export interface NamedPerson {
  /** What a rewritten opener says: the surname as printed ("Lavrov"). */
  short: string;
  forms: string[];
}

/** The people of one article in the forms a sentence may use, longest first per person. */
export function namedPeople(analysis: Analysis): NamedPerson[] {
  return analysis.entities
    .filter((e) => e.type === 'person')
    .map((e) => {
      const parts = e.name.trim().split(/\s+/);
      const short = (parts[parts.length - 1] ?? e.name).replace(/[,.]$/, '');
      const forms = [...new Set([e.name, ...e.aliases, short])].filter((f) => f.length > 1).sort((a, b) => b.length - a.length);
      return { short, forms };
    })
    .filter((p) => /^\p{Lu}/u.test(p.short));
}

/** The people a sentence names (each at most once). */
export function peopleNamedIn(text: string, people: readonly NamedPerson[]): NamedPerson[] {
  return people.filter((p) => p.forms.some((form) => containsWord(text, form)));
}

/**
 * The sentence as a briefing may show it, or undefined when it cannot stand alone: a leading
 * connective is dropped ("But the leader cast doubt…" -> "The leader cast doubt…"); "He"/"She"/
 * "His"/"Her" become the surname of the one person the sentence before names (no other person
 * named there, and the sentence itself names nobody else first); "It", "They", "This", "That"…
 * have no antecedent a briefing can show, so the sentence is left out.
 * `previous` is the sentence before it in the article, when there is one.
 */
export function standAlone(text: string, previous: string | undefined, people: readonly NamedPerson[]): string | undefined {
  // A dateline ("ESTRAVA — ", "KYIV, Ukraine (AP) — ") places the article, not the sentence.
  let current = text.trim().replace(DATELINE, '');
  // Two connectives may open a sentence ("And then he lost", "And yet they remain"); what follows them is read again.
  for (let guard = 0; guard < MAX_CONNECTIVES + 1; guard += 1) {
    const lead = OPENING_MARKS.exec(current)?.[0] ?? '';
    const rest = current.slice(lead.length);
    const word = /^[A-Za-z]+/.exec(rest)?.[0] ?? '';
    const lower = word.toLowerCase();
    if (word.length === 0) return current;
    const after = rest.slice(word.length);
    if (CONNECTIVES.has(lower)) {
      // "So far", "Still more", "Then-President": the word is not a connective there.
      if (/^[-’']/.test(after) || /^\s+(far|much|many|more|long|-)\b/i.test(after) && lower !== 'and' && lower !== 'but') return undefined;
      const remainder = after.replace(/^\s*,?\s*/, '');
      if (!/^[\p{L}"“‘'(\d]/u.test(remainder) || lead.length > 0) return undefined;
      current = capitalise(remainder);
      continue;
    }
    if (POINTING_OPENERS.has(lower)) return undefined;
    const pronoun = PERSON_PRONOUNS[lower];
    if (pronoun !== undefined) {
      const antecedent = sureAntecedent(previous, people);
      if (antecedent === undefined || lead.length > 0) return undefined;
      // "Her" may be an object pronoun too ("Her lawyers said" vs "Her, they ignored"): only before a noun.
      const name = pronoun === 'possessive' ? possessive(antecedent.short) : antecedent.short;
      return name + after;
    }
    return current;
  }
  return undefined;
}

const MAX_CONNECTIVES = 2;

/** The one person the previous sentence names, when it names exactly one. */
function sureAntecedent(previous: string | undefined, people: readonly NamedPerson[]): NamedPerson | undefined {
  if (previous === undefined) return undefined;
  const named = peopleNamedIn(previous, people);
  if (named.length !== 1) return undefined;
  // A second capitalised name the analysis did not list as a person ("Rubio and Lavrov") makes it unsure.
  return named[0];
}

function possessive(name: string): string {
  return /s$/.test(name) ? `${name}’` : `${name}’s`;
}

function capitalise(text: string): string {
  const first = text.charAt(0);
  // "iPhone", "eBay": a word with a capital inside keeps its case.
  if (/^\p{Ll}\p{L}*\p{Lu}/u.test(text)) return text;
  return first.toUpperCase() + text.slice(1);
}

function containsWord(text: string, form: string): boolean {
  // Most forms are absent; a plain search is far cheaper than the word-bounded pattern.
  if (!text.includes(form)) return false;
  let pattern = wordPatterns.get(form);
  if (pattern === undefined) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u');
    wordPatterns.set(form, pattern);
  }
  return pattern.test(text);
}

/** A name's pattern, asked for again at each sentence that names the person. */
const wordPatterns = new BoundedMap<string, RegExp>(5_000);

/**
 * How a sentence ends, as a reader sees it: `finished` when it ends with a stop (possibly inside
 * closing marks); `cut` when the text was cut off ("…", "...", "[…]", "Read more"); `open` when
 * it just stops (a standfirst or a paragraph that lost its stop).
 */
export function sentenceEnding(text: string): 'finished' | 'cut' | 'open' {
  const trimmed = text.trim();
  if (/(?:\.\.\.|…|\[\s*(?:…|\.\.\.)\s*\]|\[\+?\d+ chars\])["”’')\]]*$/.test(trimmed)) return 'cut';
  if (/\b(?:read more|continue reading|more»?)\W*$/i.test(trimmed)) return 'cut';
  if (/[.!?]["”’')\]]*$/.test(trimmed)) return 'finished';
  return 'open';
}

/**
 * A paragraph's last sentence that lost its stop reads as finished with a period, when it looks
 * like a whole clause: some words, ends in a word that is not a function word, quotes balanced.
 */
export function closeOpenSentence(text: string): string | undefined {
  const trimmed = text.trim();
  const last = /([\p{L}\p{N}]+)["”’')\]]*$/u.exec(trimmed)?.[1]?.toLowerCase();
  if (last === undefined || DANGLING_ENDS.has(last)) return undefined;
  if (trimmed.split(/\s+/).length < 6) return undefined;
  if (/["”’')\]]$/.test(trimmed)) return trimmed.replace(/(["”’')\]]+)$/, '.$1');
  return trimmed + '.';
}

const DANGLING_ENDS = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'to', 'in', 'on', 'for', 'with', 'by', 'from', 'that', 'who', 'at', 'as', 'but', 'is', 'are', 'was', 'were']);

/** Markup, entities or escaped Markdown left in a sentence: never shown. */
export function hasMarkup(text: string): boolean {
  return /<\/?[a-zA-Z!][^>]{0,40}>|&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});|\\[_*<>]/i.test(text);
}

/** Whether the sentence is the last of its paragraph in the analysis. */
export function isParagraphEnd(sentences: readonly Sentence[], index: number): boolean {
  const next = sentences[index + 1];
  return next === undefined || next.paragraph !== sentences[index]?.paragraph;
}
