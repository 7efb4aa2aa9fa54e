/**
 * Boilerplate removal over paragraphs of text: banners, newsletter and donation boxes,
 * share/related/"Read more" lines, photo captions and credits, bylines, cookie notices.
 * The rules look at the shape and vocabulary of a line, never at a particular outlet.
 */

import { wordCount } from '../../core/word-count.ts';
import { hasOnlyAsciiLetters, singleSpaced } from '../../core/plain-text.ts';

export interface BoilerplateSplit {
  kept: string[];
  removed: string[];
}

export interface BoilerplateContext {
  /** The headline: a paragraph repeating it is removed. */
  title?: string;
  /** Other spellings of the headline the page carries (its <h1>, og:title, <title>). */
  headlines?: string[];
}

const endsLikeSentence = (line: string): boolean => /[.!?…:;"'”’»)\]]$/.test(line);
const hasQuote = (line: string): boolean => /["“”«»]/.test(line);

/** "Support Example News!", "Donate now": a call-to-action banner line. */
export function isBannerLine(line: string): boolean {
  const text = line.trim();
  if (wordCount(text) > 7 || /[.?]$/.test(text) || hasQuote(text)) return false;
  return (
    // Case matters here: "Support The Times" is a banner, "Support for the bill" is news.
    /^(?:[Pp]lease\s+)?(?:[Ss]upport|[Dd]onate(?: to)?|[Hh]elp fund|[Ff]und)\s+(?:us\b|our\b|independent\b|quality\b|[A-Z])/.test(text) ||
    /^(subscribe|sign up|log ?in|sign in|register)( now| today| here)?\b/i.test(text) ||
    /^(donate|subscribe|advertisement|sponsored( content)?|skip to (main )?content)!?$/i.test(text)
  );
}

const lineRules: RegExp[] = [
  // Newsletter sign-up and its blurb.
  /^(sign up|subscribe|register)\b.{0,80}\b(newsletters?|briefings?|alerts?|emails?|updates|digest)\b/i,
  /\bnewsletters?\b.{0,200}\b(inbox|mailbox|e-?mail address|delivered|sign(ing)? up|subscribe|every (morning|evening|week|day|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i,
  /\b(inbox|mailbox)\b.{0,120}\bnewsletters?\b/i,
  /^(get|receive)\b.{0,60}\b(newsletter|in your inbox|straight to your inbox)/i,
  /^(by (signing up|subscribing|clicking)|subscribers agree)\b/i,
  /\b(you agree to|agree to (our|the)) (the |our )?(privacy policy|terms)/i,
  /^(thank you for (signing up|subscribing)|you('| a)re (now )?subscribed)/i,
  // Donation and membership appeals.
  /\b(please|can you|will you|help us)\b.{0,60}\b(support|donat\w*|contribut\w*)\b.{0,80}\b(journalism|reporting|newsroom|our work|us)\b/i,
  /^not ready to (support|donate|subscribe|give)\b/i,
  /^(remind me later|maybe later|no,? thanks?|close)\.?$/i,
  /\bpa(y|i)ment methods?\b/i,
  // Cookie and consent notices.
  /\b(we|this (site|website)) uses? cookies\b/i,
  /\bcookie (policy|settings|preferences)\b/i,
  // Sharing, related links, navigation words.
  /^(read|see|learn|find out) more\b.{0,80}$/i,
  /^(read|watch|listen)( next| also| more)?\s*:/i,
  /^(also read|related|recommended|more on this( story)?|see also|you (may|might) also like)\s*[:|»›–—-]/i,
  /^(comments are closed|join the (conversation|discussion)|be the first to comment)\b/i,
  /^courtesy( of)?\s+[A-Z]/,
  /^(share|tweet|email|print|copy link|pin)( (this|the) (article|story|page))?( on| via| to)?( facebook| twitter| x| whatsapp| linkedin| email| reddit| telegram)?[:.!]?$/i,
  /^share (this|the) (article|story|page)\b/i,
  /^follow (us|@?\w+) on\b/i,
  /^(click|tap) here\b/i,
  /^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|continue reading( below| the (main )?(story|article))?|skip (ad|advertisement)|scroll to (continue|read))\.?$/i,
  /^the post .{3,200} appeared first on .{2,80}$/i,
  /^(listen to|hear) (this|the) (article|story)\b/i,
  /^(image|video|photo|picture|media) (source|caption|copyright|credit)\b/i,
  /^(getty images|ap photo|afp|reuters|shutterstock|epa|pa media|alamy)(\/.*)?$/i,
  // Paywalls and app prompts.
  /^already (a subscriber|a member|have an account|registered)\b/i,
  /\b(subscribe|sign in|log in|register|sign up) (now )?to (continue|keep) reading\b/i,
  /^this (article|content|story) is (for|only available to|exclusive to) (subscribers|members)\b/i,
  /^you('ve| have) (reached|read|used) (your|all|the)\b.{0,40}\b(free )?(articles?|stories|limit)\b/i,
  /^(download|get) (our|the) (free )?app\b/i,
  /^(get|receive|turn on|sign up for)\b.{0,50}\b(news )?(alerts|notifications)\b/i,
  // Copyright, standards and tag lists.
  /^(copyright|©)\s*(\(c\)\s*)?\d{4}\b/i,
  /\ball rights reserved\b/i,
  /\bmay not be (published|reproduced|redistributed|broadcast)\b/i,
  /^our standards\s*:/i,
  /^(topics|tags|filed under|more about|categories|see more on)\s*:/i,
  /^(video|gallery|photos|in pictures|podcast)\s*[:|]/i,
  /^(advertisement|sponsored|promoted|paid (content|post)|partner content)\b.{0,40}$/i,
  // Comment counts and prompts.
  /^\d+\s+comments?$/i,
  /^(view|show|load|read|see|add|leave|post)\s+(all\s+)?(\d+\s+)?comments?\b/i,
  /^comments?\s*(\(\d+\)|\d+)?$/i,
  // Credits and captions.
  /^(photo|photograph|picture|image|illustration|credit|photos|video)s?\s*(credit)?\s*:\s*\S/i,
  /^(photo|image|picture)\s+by\s+\S/i,
];

/** Words a reader-facing appeal uses: "you", "your", "us", "our". */
const addressesReader = /\b(you|your|us|our|we)\b/i;
const donationPitch = /\b(support|donat\w*|contribut\w*|subscri\w*|member(ship)?)\b.{0,80}\b(independent|quality|free|local|public[- ]interest|our) (journalism|press|media|news|reporting|newsroom|work)\b/i;

/** "Related stories", "Most read", "More from Example": a heading over a box of links. */
const linkBoxHeading =
  /^(also read|more from|more on this|more stories|related( articles| stories| coverage| content| topics| news| video)?|recommended( for you| stories| reading)?|most (read|popular|viewed|shared)|trending( now| stories)?|top stories|latest( news| stories)?|you (may|might) also like|editor'?s picks|in case you missed it|don'?t miss|what to read next|explore more)\b/i;

/** Photo credit at the end of a caption: "... Jane Doe / AFP", "Photo: Reuters", "(Getty Images)". */
const creditTail = new RegExp(
  [
    String.raw`\b[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3}\s*\/\s*(?:[A-Z][A-Z&.]{1,}(?:\s+[A-Z][\p{L}]+)*|Getty(?: Images)?|Reuters|Shutterstock|Alamy|Sputnik|Pool|Xinhua|Kremlin\.ru|[A-Z][\p{L}]+ (?:Images|Photos?|News|Press))\.?$`,
    String.raw`\b(?:REUTERS|AFP|AP|EPA|GETTY IMAGES|XINHUA|TASS)\s*\/\s*[A-Z][\p{L}.' -]+$`,
    String.raw`\((?:(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture|[Cc]redit|[Cc]ourtesy|[Ff]ile)(?: by| of)?:?\s*[^()]{2,80}|Getty Images|Reuters|AFP|AP|EPA|Shutterstock|AP Photo[^()]*|[A-Z][^()]{1,60}\/\s*[A-Z][^()]{1,60})\)\.?$`,
    String.raw`\b(?:Photo|Photograph|Picture|Pic|Image|Illustration|Graphic|Credit)s?(?::| by)\s*[^.]{2,60}$`,
    String.raw`\bSource:\s*(?:Supplied|[A-Z][\p{L}&.]+(?:\s+[A-Z][\p{L}&.]+){0,3})\.?$`,
  ].join('|'),
  'u',
);

/** "(4th L)", "(R)", "(centre)": position markers that only captions carry. */
const captionPosition = /\((?:\d+(?:st|nd|rd|th)\s+)?(?:[LRC]|left|right|centre|center|front|back|top|bottom)\)/i;

/** "By JANE DOE", "By Jane Doe and John Roe | Reuters": a byline line. */
function isByline(line: string): boolean {
  if (wordCount(line) > 12 || /[.!?]\s/.test(line)) return false;
  return /^[Bb][Yy]\s+[A-Z][\p{L}.'’-]*(\s*(,|and|&)?\s*[A-Z][\p{L}.'’-]*){0,7}(\s*[|–—]\s*[^.!?]{0,60}|\s+-\s+[^.!?]{0,60}|,\s*[A-Z][^.!?]{0,60})?$/u.test(line);
}

const dateWords =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m\.?|p\.m\.?|gmt|utc|bst|est|edt|cst|cdt|pst|pdt|cet|cest|ist|aest|et|pt|updated|published|posted|last|modified|on|at|of|by|and|\d[\d:.,/-]*(?:am|pm|st|nd|rd|th)?|[|,•·:–—-]+)[.,]?$/i;

/** "Tue Dec 30, 2014 9:21am IST", "Updated 10:32 a.m. ET, March 2": a time stamp line. */
function isTimestamp(line: string): boolean {
  const tokens = line.split(/\s+/).filter(Boolean);
  if (tokens.length > 14 || !/\d/.test(line) || /[.!?]["”]?$/.test(line.replace(/\b(?:a|p)\.m\.$/i, ''))) return false;
  const other = tokens.filter((token) => !dateWords.test(token));
  // A place name may lead ("JAKARTA Tue Dec 30"): allow a few capitalised words besides the date.
  return other.length <= 3 && other.every((token) => /^[A-Z][\p{L}.'’/-]*,?$/u.test(token)) && tokens.length - other.length >= 3;
}

export function isCaption(line: string): boolean {
  if (hasQuote(line) && !captionPosition.test(line)) return creditTail.test(line) && wordCount(line) < 60 && !/[“"][^”"]{20,}[”"]/.test(line);
  return creditTail.test(line) || (captionPosition.test(line) && wordCount(line) < 60);
}

/** Why a single paragraph is boilerplate, or undefined when it reads like article text. */
export function boilerplateReason(line: string): string | undefined {
  const text = line.trim();
  if (text === '') return 'empty';
  if (isBannerLine(text)) return 'banner';
  // Somebody quoted asking for support or sign-ups is news, not a box.
  if (hasQuote(text) && /\b(said|says|told|asked|added|wrote|according to)\b/i.test(text)) return undefined;
  if (wordCount(text) <= 80 && lineRules.some((rule) => rule.test(text))) return 'box';
  if (wordCount(text) <= 80 && donationPitch.test(text) && addressesReader.test(text)) return 'appeal';
  if (wordCount(text) <= 8 && !/[.!?]$/.test(text) && linkBoxHeading.test(text)) return 'links';
  if (isCaption(text)) return 'caption';
  if (isByline(text)) return 'byline';
  if (isTimestamp(text)) return 'timestamp';
  if (/^[\d\s.,:/()#|•·–—_*=~+-]+$/.test(text)) return 'number';
  return undefined;
}

function normalise(line: string): string {
  if (hasOnlyAsciiLetters(line)) return line.toLowerCase().replace(/[’‘`]/g, "'").replace(/[^a-z0-9']+/g, ' ').trim();
  return line
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

// Only after the end of a sentence: "they wanted to see more" is prose.
const trailingCallToAction =
  /(?:(?<=[.!?"”’…)\]:])\s*(?:(?:read|see) more|continue reading|read the (?:full|whole|rest of the) (?:story|article)|keep reading)\s*(?:»|→|›|>>|\.\.\.|…)?|\s*\[\s*(?:…|\.\.\.)\s*\])\s*$/i;

/** How every `trailingCallToAction` ends: most lines do not, and this test is far cheaper. */
const callToActionEnd = /(?:more|reading|story|article|[»→›>.…\]])\s*$/i;

/** Headers that open an appeal running to the end of the page ("A message from ...", "Dear readers,"). */
const appealHeader =
  /^(a (message|note|word) from\b|dear (readers?|friends?|subscribers?)\b|before you (go|continue)\b|(we|i) (need|rely on) your (help|support)|(support|fund) (independent|our|quality)\b|(become|be) a (member|supporter|subscriber|patron)\b|make a (donation|contribution)\b|why (we|you should) (need|support|donate))/i;
const appealVocabulary = /\b(support(ing|ers?)?|donat\w*|contribut\w*|subscri\w*|member(ship)?|journalism|paywall|monthly|annual(ly)?|one-?time)\b/i;

/** The headline again, or near the top the headline with or without the outlet's name around it. */
function repeatsTitle(line: string, title: string, index: number): boolean {
  if (line === title) return true;
  if (index > 2 || line.length < 20) return false;
  return (title.startsWith(line) || line.startsWith(title)) && Math.min(line.length, title.length) / Math.max(line.length, title.length) > 0.6;
}

/**
 * Splits paragraphs into article text and boilerplate; returns both, in their original order.
 * Beyond line rules, it removes a closing appeal (a donation or membership box: its header and
 * everything after it) and a trailing run of button-like short lines, which alone would read
 * like subheadings.
 */
export function splitBoilerplate(paragraphs: string[], context: BoilerplateContext = {}): BoilerplateSplit {
  const lines = paragraphs.map((p) => singleSpaced(p).trim()).filter((p) => p !== '');
  const drop = lines.map((line) => boilerplateReason(line) !== undefined);
  const titles = [context.title, ...(context.headlines ?? [])].filter((t): t is string => !!t).map(normalise).filter(Boolean);
  // Each line normalised once: this runs on every paragraph of every article.
  const normalised = lines.map(normalise);
  normalised.forEach((line, i) => (titles.some((title) => repeatsTitle(line, title, i)) ? (drop[i] = true) : undefined));

  // A short line repeated three times or more is a gallery or widget label, not prose.
  const seen = new Map<string, number>();
  lines.forEach((line, i) => {
    if (wordCount(line) <= 12) seen.set(normalised[i]!, (seen.get(normalised[i]!) ?? 0) + 1);
  });
  normalised.forEach((line, i) => ((seen.get(line) ?? 0) >= 3 ? (drop[i] = true) : undefined));

  const appealStart = lines.findIndex(
    (line, i) => i >= Math.floor(lines.length / 3) && i > 0 && wordCount(line) <= 12 && appealHeader.test(line),
  );
  if (appealStart >= 0) {
    const tail = lines.slice(appealStart);
    const appealing = tail.filter((line) => appealVocabulary.test(line)).length;
    const quoted = tail.filter((line) => /["“«].{20,}["”»]/.test(line) && /\b(said|says|told|wrote|added)\b/.test(line)).length;
    if (appealing >= 1 && quoted === 0) for (let i = appealStart; i < lines.length; i++) drop[i] = true;
  }

  // A "Related stories" / "More from ..." heading near the end heads a list of teasers:
  // short lines follow it until the first paragraph long enough to be the article again.
  for (let i = Math.floor(lines.length * 0.7); i < lines.length; i++) {
    if (!(wordCount(lines[i]!) <= 8 && linkBoxHeading.test(lines[i]!) && !/[.!?]$/.test(lines[i]!))) continue;
    for (let j = i + 1; j < lines.length && wordCount(lines[j]!) <= 30; j++) drop[j] = true;
  }

  // Buttons and menu words left at the bottom of a page ("Monthly", "Continue", "Read more").
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (drop[i]) continue;
    if (wordCount(line) <= 4 && !endsLikeSentence(line) && !hasQuote(line)) drop[i] = true;
    else break;
  }

  const kept: string[] = [];
  const removed: string[] = [];
  lines.forEach((line, i) => {
    if (drop[i]) return;
    // Feed teasers end with a link to the full story; the words are not the story's.
    const trimmed = callToActionEnd.test(line) ? line.replace(trailingCallToAction, '').trim() : line;
    if (trimmed !== line && trimmed !== '') {
      removed.push(line.slice(trimmed.length).trim());
      lines[i] = trimmed;
    }
  });
  lines.forEach((line, i) => (drop[i] ? removed : kept).push(line));
  return { kept, removed };
}
