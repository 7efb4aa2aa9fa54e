import { demonyms, isFirstName, lastNames, places, titleModifiers, titleNouns } from './lexicon.ts';
import { isCapitalised, isPossessive, tokenize, withoutPossessive, type Token } from './tokens.ts';

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
  const tokens = tokenize(text.slice(0, nameStart));
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
  if (!chain.some((t) => isTitleWord(t.text.toLowerCase()))) return undefined;
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

/**
 * Returns the appositive title after a name ("Russia's foreign minister" in "Lavrov, Russia's
 * foreign minister, said"), trimmed of its article, or undefined when the words after the comma
 * are no title (a relative clause, a verb, a place).
 */
export function roleAfter(text: string, nameEnd: number): string | undefined {
  const rest = text.slice(nameEnd);
  const match = /^\s*,\s*([^,;:.()"“”]{2,90}?)\s*(?=[,;.)]|$|\s[-–—])/u.exec(rest);
  if (!match) return undefined;
  let phrase = match[1]!.trim();
  if (/^(who|which|whose|whom|that|said|says|told|added|according|and|but|or|in|on|at|with|for|to|from|by|as|after|before|while|when|where|of|about|if|because|a\s+\d|\d)\b/i.test(phrase)) return undefined;
  phrase = phrase.replace(/^(the|a|an)\s+/i, '');
  const tokens = tokenize(phrase);
  if (tokens.length > 12) return undefined;
  const headIndex = tokens.findIndex((t) => isTitleWord(t.text.toLowerCase()) || isTitleWord(withoutPossessive(t.text).toLowerCase()));
  if (headIndex < 0) return undefined;
  // Verbs inside mean a clause, not a title ("Lavrov, meeting Rubio on Wednesday").
  if (tokens.some((t, i) => i < headIndex && /(ing|ed)$/.test(t.text) && !isCapitalised(t.text) && !titleModifiers.has(t.text.toLowerCase()))) return undefined;
  return phrase.replace(/\s+(who|which|that)\b.*$/i, '').trim() || undefined;
}

/**
 * Returns the title of a description set before a name between commas ("The mayor of
 * Surabaya, Tri Rismaharini, said" -> "mayor of Surabaya"), or undefined.
 */
export function roleBeforeComma(text: string, nameStart: number): string | undefined {
  const match = /(?:^|[.;:!?]\s+|,\s+)(?:the|a|an|its|their)\s+([^,;"“”()]{2,80}),\s*$/i.exec(text.slice(0, nameStart));
  if (!match) return undefined;
  const phrase = match[1]!.trim();
  const words = phrase.toLowerCase().split(/\s+/);
  if (!words.some((w) => isTitleWord(w) || isTitleWord(withoutPossessive(w)))) return undefined;
  if (words.some((w) => /^(said|says|told|is|was|were|are|has|had|and)$/.test(w))) return undefined;
  return phrase;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
