/** Verbs that introduce what somebody said or wrote, in the forms news uses. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  `said says say saying told tells tell telling wrote writes write writing added adds adding stated states
  asked asks explained explains noted notes stressed stresses warned warns insisted insists argued argues
  claimed claims declared declares announced announces continued continues recalled recalls posted posts
  tweeted tweets replied replies responded responds acknowledged acknowledges admitted admits conceded
  concedes suggested suggests urged urges cautioned cautions emphasised emphasized emphasises emphasizes
  observed observes remarked remarks commented comments complained complains lamented laments predicted
  predicts promised promises vowed vows pledged pledges reiterated reiterates confirmed confirms denied denies
  quipped quips joked jokes shouted shouts yelled yells whispered whispers exclaimed exclaims concluded
  concludes testified testifies boasted boasts mused muses countered counters agreed agrees disagreed
  conceded pleaded pleads begged begs demanded demands described describes called calls thundered
  recounted recounts wondered wonders maintained maintains announced contended contends asserted asserts
  reported reports alleged alleges charged charges predicted explained texted emailed messaged
  answered answers indicated indicates revealed reveals mentioned mentions reflected reflects
  acknowledged cried cries screamed screams sighed interjected interrupted offered offers opined
  proclaimed proclaims read reads repeated repeats retorted signalled signaled speculated
  told informed informs assured assures advised advises reminded reminds conceded ruled rules
  pressed presses queried queries inquired inquires enquired persisted persists quoted recalled
  acknowledged estimated estimates projected projects forecast forecasts scoffed scoffs huffed
  snapped snaps chimed chimes reply answer explain add respond
  fumed fumes griped gripes grumbled grumbles groused gushed crowed bragged brags muttered mutters
  murmured sneered ranted chided chides scolded scolds marveled marvelled marvels elaborated
  elaborates clarified clarifies affirmed affirms reasoned implored mocked hinted teased lectured protested
  barked barks retaliated`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words allowed between a speaker and the verb ("Zelensky also said", "he later told"). */
export const SPEECH_ADVERBS: ReadonlySet<string> = new Set(
  `also later earlier then again once further previously recently repeatedly separately simply
  had has have has been once finally quickly firmly bluntly flatly publicly privately angrily
  laughingly calmly tersely only just still even already often would will could might may
  began begins started starts went goes tried tries to`
    .split(/\s+/)
    .filter(Boolean),
);

// Lowercasing keeps the length of these ASCII verbs, so a word of another length is none of them.
let shortestVerb = Infinity;
let longestVerb = 0;
for (const verb of SPEECH_VERBS) {
  shortestVerb = Math.min(shortestVerb, verb.length);
  longestVerb = Math.max(longestVerb, verb.length);
}

/** True for a speech verb ("said", "told", "wrote"). */
export function isSpeechVerb(word: string): boolean {
  // Most tokens are short function words: the length test spares hashing them.
  if (word.length < shortestVerb || word.length > longestVerb) return false;
  if (SPEECH_VERBS.has(word)) return true;
  // Most words are already lowercase ASCII: lowercasing them again could find nothing new.
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return SPEECH_VERBS.has(word.toLowerCase());
  }
  return false;
}
