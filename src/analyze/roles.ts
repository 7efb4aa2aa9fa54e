import { demonyms, isFirstName, lastNames, places, titleModifiers, titleNouns } from './lexicon.ts';
import { isCapitalised, isPossessive, tokenizeUncached, withoutPossessive, type Token } from './tokens.ts';

const CHAIN_LINKS = new Set(['of', 'for', 'and', '&']);
const STOP_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'by', 'with', 'to', 'from', 'and', 'as', 'said', 'says', 'told', 'that', 'when', 'while', 'at', 'in', 'on']);

function isTitleWord(lower: string): boolean {
  return titleNouns.has(lower) || titleNouns.has(lower.replace(/\.$/, ''));
}

function isChainWord(token: Token): boolean {
  const lower = token.text.toLowerCase();
  if (!token.word) return false;
  if (isTitleWord(lower) || titleModifiers.has(lower)) return true;
  if (/^(pro|anti|ex|then|non)-/i.test(token.text)) return true;
  if (demonyms.has(lower) || /^(\p{Lu}\.)+$/u.test(token.text)) return true;
  if (isPossessive(token.text) && isCapitalised(token.text)) return true;
  // A capitalised given name or surname belongs to another person, not to this title.
  if (isFirstName(token.text) || lastNames.has(lower)) return false;
  return isCapitalised(token.text) && !STOP_BEFORE.has(lower);
}

/**
 * Returns the title printed right before a name ("Russian Foreign Minister" in
 * "Russian Foreign Minister Sergey Lavrov", "State Department spokesman" in "... said State
 * Department spokesman Tommy Pigott"), or undefined when the words there hold no title.
 * Political labels in front of the title ("pro-EU President") are left out.
 */
export function roleBefore(text: string, nameStart: number): string | undefined {
  // A title chain is short: the last 160 characters hold it.
  const from = Math.max(0, nameStart - 160);
  const tokens = tokenizeUncached(text.slice(from, nameStart)).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
  if (from > 0) tokens.shift(); // possibly cut in the middle
  const chain: Token[] = [];
  for (let i = tokens.length - 1; i >= 0 && chain.length < 8; i--) {
    const token = tokens[i]!;
    if (CHAIN_LINKS.has(token.text.toLowerCase()) && chain.length > 0) {
      const before = tokens[i - 1];
      const beforeLower = before?.text.toLowerCase() ?? '';
      if (before && before.word && (isTitleWord(beforeLower) || titleModifiers.has(beforeLower) || (isCapitalised(before.text) && isChainWord(before) && token.text.toLowerCase() !== 'and'))) {
        chain.unshift(token);
        continue;
      }
      break;
    }
    if (!isChainWord(token)) break;
    // A possessive country ("Russia's") opens the title; nothing before it belongs to it.
    chain.unshift(token);
    if (isPossessive(token.text)) break;
  }
  while (chain.length && (CHAIN_LINKS.has(chain[0]!.text.toLowerCase()) || /^(pro|anti)-/i.test(chain[0]!.text))) chain.shift();
  // Forms of address are no titles ("Sir Keith", "Mr. Obama").
  while (chain.length && /^(sir|dame|lord|lady|mr\.?|mrs\.?|ms\.?|miss|dr\.?|mx\.?)$/i.test(chain[chain.length - 1]!.text)) chain.pop();
  // An agent noun right before the name is a title too ("Dockworker Tomas Ruiz", "analyst Maria Teodor").
  const lastWord = chain[chain.length - 1];
  const agent = lastWord !== undefined && isRoleNoun(lastWord.text.toLowerCase()) && !isFirstName(lastWord.text);
  if (!chain.some((t) => isTitleWord(t.text.toLowerCase())) && !agent) return undefined;
  // The chain must end in a title word or modifier, not in another name ("Trump Sergey Lavrov").
  const last = chain[chain.length - 1]!.text.toLowerCase();
  if (!isTitleWord(last) && !titleModifiers.has(last) && !demonyms.has(last)) {
    const lastTitle = findLastIndex(chain, (t) => isTitleWord(t.text.toLowerCase()));
    chain.splice(lastTitle + 1);
  }
  // Drop capitalised words before the title chain proper that are names or sentence openers.
  while (chain.length > 1 && !isTitleWord(chain[0]!.text.toLowerCase()) && !titleModifiers.has(chain[0]!.text.toLowerCase())
    && !demonyms.has(chain[0]!.text.toLowerCase()) && !isPossessive(chain[0]!.text) && !places.has(chain[0]!.text.toLowerCase())
    && !/^(\p{Lu}\.)+$/u.test(chain[0]!.text) && !isCapitalised(chain[1]!.text)) {
    chain.shift();
  }
  if (!chain.length) return undefined;
  return text.slice(chain[0]!.start, chain[chain.length - 1]!.end);
}

const NOT_AGENT_NOUNS = new Set([
  'number', 'order', 'water', 'center', 'centre', 'other', 'after', 'under', 'over', 'never', 'ever', 'together',
  'however', 'winter', 'summer', 'quarter', 'october', 'november', 'december', 'september', 'matter', 'letter',
  'paper', 'power', 'border', 'corner', 'daughter', 'dinner', 'disorder', 'error', 'factor', 'floor', 'door',
  'colour', 'color', 'honour', 'honor', 'favour', 'labour', 'flavour', 'percent', 'moment', 'government',
  'statement', 'agreement', 'department', 'parliament', 'movement', 'investment', 'event', 'comment', 'element',
  'content', 'extent', 'incident', 'accident', 'per', 'cent', 'plant', 'giant', 'elephant', 'restaurant',
]);

/** True for a word that names what somebody is: a title ("minister") or an agent noun ("oceanographer"). */
function isRoleNoun(word: string): boolean {
  const w = withoutPossessive(word).toLowerCase();
  if (isTitleWord(w)) return true;
  if (w.length < 5 || NOT_AGENT_NOUNS.has(w) || isCapitalised(word)) return false;
  return /(er|or|ist|ian|ant|ent|man|woman|person|ee|ive)s?$/.test(w);
}

const ABBREVIATION_END = /(\b\p{Lu}|\b(Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Corp|Ltd|Gov|Sen|Rep|Gen|Lt|Col|Prof|No)|\p{Lu}\.\p{Lu})$/u;

/** The phrase after a name's comma, up to the next comma, bracket, quote or sentence end. */
function appositivePhrase(rest: string): string | undefined {
  const opening = /^\s*,\s*/.exec(rest);
  if (!opening) return undefined;
  let i = opening[0].length;
  const from = i;
  for (; i < rest.length; i++) {
    const ch = rest[i]!;
    if (',;()"“”[]'.includes(ch)) break;
    if ((ch === '—' || ch === '–') && rest[i - 1] === ' ') break;
    if (ch === '.' && (i + 1 >= rest.length || /\s/.test(rest[i + 1]!)) && !ABBREVIATION_END.test(rest.slice(from, i))) break;
  }
  return rest.slice(from, i).trim();
}

/**
 * Returns the appositive title after a name ("Russia's foreign minister" in "Lavrov, Russia's
 * foreign minister, said"; "a physical oceanographer at the University of New South Wales"),
 * without its article, or undefined when the words after the comma are no title (a relative
 * clause, a verb, a place).
 */
export function roleAfter(text: string, nameEnd: number): string | undefined {
  let phrase = appositivePhrase(text.slice(nameEnd));
  if (!phrase || phrase.length < 2) return undefined;
  if (/^(who|which|whose|whom|that|said|says|told|added|according|and|but|or|in|on|at|with|for|to|from|by|as|after|before|while|when|where|of|about|if|because|is|was|has|had|will|would|can|could|not|also|then|a\s+\d|\d|\p{Lu}\p{Ll}+day)\b/iu.test(phrase)) return undefined;
  // A clause that follows the title is not part of it ("... in Sydney told Reuters").
  phrase = phrase.replace(/\s+(said|says|told|tells|added|adds|wrote|writes|who|which|that|is|was|were|has|had|have|will|would|says)\b.*$/i, '');
  phrase = phrase.replace(/^(the|a|an)\s+/i, '').trim();
  const tokens = tokenizeUncached(phrase).filter((t) => t.word);
  if (!tokens.length || tokens.length > 22) return undefined;
  const headIndex = tokens.findIndex((t) => isRoleNoun(t.text));
  if (headIndex < 0 || headIndex > 6) return undefined;
  // Verbs before the head mean a clause, not a title ("Lavrov, meeting Rubio on Wednesday").
  if (tokens.some((t, i) => i < headIndex && /(ing|ed)$/.test(t.text) && !isCapitalised(t.text) && !titleModifiers.has(t.text.toLowerCase()))) return undefined;
  return phrase || undefined;
}

/**
 * Returns the title of a description set before a name between commas ("The mayor of
 * Surabaya, Tri Rismaharini, said" -> "mayor of Surabaya"; "Sudan's president, Omar al-Bashir,"),
 * or undefined.
 */
export function roleBeforeComma(text: string, nameStart: number): string | undefined {
  const before = text.slice(0, nameStart);
  if (!/,\s*$/.test(before)) return undefined;
  const match = /(?:^|[.;:!?]\s+|,\s+|\b(?:said|says|told|by|and|with|to|of|that|when|as)\s+)((?:the|a|an|its|their|his|her)\s+[^,;"“”()]{2,80}|\p{Lu}[\p{L}.-]*['’]s\s+[^,;"“”()]{2,60}),\s*$/iu.exec(before.slice(-120));
  if (!match) return undefined;
  const phrase = match[1]!.trim().replace(/^(the|a|an)\s+/i, '');
  const words = phrase.split(/\s+/);
  if (!words.some((w) => isRoleNoun(w))) return undefined;
  if (words.some((w) => /^(said|says|told|is|was|were|are|has|had|but)$/i.test(w))) return undefined;
  return phrase;
}

const CREDIT = /\b((?:additional\s+)?(?:reporting|writing|editing|research|translation|graphics|compiled|produced|edited|written))(?:\s+\w+){0,2}\s+by\s+[^;]*$/i;

/**
 * Returns a contributor's credit for a name in a credit line ("Additional reporting by ...",
 * "Writing by ...", "... contributed to this report"), or undefined.
 */
export function creditRole(text: string, nameStart: number, nameEnd: number): string | undefined {
  const prefix = text.slice(Math.max(0, nameStart - 400), nameStart);
  const before = /\bby\b/i.test(prefix) ? CREDIT.exec(prefix) : null;
  if (before) return before[1]!;
  const after = /^[^.;]*?\bcontributed\s+(?:reporting\s+)?to\s+this\s+(report|story|article)/i.exec(text.slice(nameEnd));
  if (after && !/[.!?]\s/.test(after[0])) return `contributed to this ${after[1]!.toLowerCase()}`;
  return undefined;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
