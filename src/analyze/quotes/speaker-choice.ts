/** Who a piece of evidence points at: an entity, or a description left unnamed ("a source close to the talks"). */
export interface Speaker {
  name: string;
  entityId?: string;
}

/**
 * The kinds of evidence that tie a quote to its speaker, as the attribution reads them:
 * - `cue-after`: a speech cue right after the quote, in its sentence ('"...," said X', '"...," X said');
 * - `cue-before`: a cue earlier in the quote's sentence ('X said: "..."', 'X said that "..."');
 * - `cue-after-far`: a cue later in the quote's sentence, past other words of the writer;
 * - `split-quote`: the speaker of another segment of the same paragraph that has a cue of its own;
 * - `split-quote-far`: the same from a segment more than a sentence away ('Billy Joel sings, "..." ... "...?" he said');
 * - `same-paragraph`: the speaker of the quote before it in a paragraph with no cue at all;
 * - `lead-in-subject`: the subject of the writer's words leading into the quote in its sentence ("Romney went after Trump, calling it \"...\"");
 * - `sign-off`: a line after the quote paragraphs that names their speaker ("— Pamela Padilla, 34, Phoenix");
 * - `lead-cue`: a cue in the sentence right before the quote ('Dianne Bystrom agreed. "..."');
 * - `colon-lead`: the person whose lead-in a colon closes ('Pollster Daron Shaw: "..."');
 * - `lead-person`: the one person the sentence leading into the quote is about;
 * - `lead-paragraph`: the subject opening the short paragraph before a quote paragraph;
 * - `open-quote`: the speaker of a quote left open at the end of the paragraph before;
 * - `previous-speaker`: whoever spoke last, in a quote or in indirect speech;
 * - `closing-cue`: the cue that closes a quote running on into the next paragraph;
 * - `next-paragraph`: the first person to speak in the next paragraph (an opening quote with nobody before it).
 */
export type Evidence =
  | 'cue-after'
  | 'cue-before'
  | 'cue-after-far'
  | 'split-quote'
  | 'split-quote-far'
  | 'same-paragraph'
  | 'lead-in-subject'
  | 'sign-off'
  | 'lead-cue'
  | 'colon-lead'
  | 'lead-person'
  | 'lead-paragraph'
  | 'open-quote'
  | 'previous-speaker'
  | 'closing-cue'
  | 'next-paragraph';

/** One answer to "who said this quote", with what it rests on. */
export interface Candidate {
  evidence: Evidence;
  /** Null when the evidence says somebody spoke but names nobody ("they said", "she was warned that"). */
  speaker: Speaker | null;
  /** The attribution words behind it, kept with the quote ("the president wrote"). */
  cue?: string;
}

/**
 * How much each kind of evidence counts. A speech cue in the quote's own sentence outweighs all
 * layout evidence; among the layout kinds, the nearer and the more explicit the evidence, the
 * more it weighs. The order was measured on the annotated pages and the political articles.
 */
const WEIGHT: Readonly<Record<Evidence, number>> = {
  'cue-after': 100,
  'cue-before': 90,
  'cue-after-far': 80,
  'split-quote': 60,
  'sign-off': 50,
  'lead-cue': 45,
  'colon-lead': 44,
  'lead-person': 43,
  'same-paragraph': 42,
  'lead-in-subject': 41,
  'lead-paragraph': 40,
  'split-quote-far': 39,
  'open-quote': 35,
  'previous-speaker': 30,
  'closing-cue': 20,
  'next-paragraph': 10,
};

/**
 * A cue that names nobody still says that the quote is somebody's, which outweighs any layout
 * evidence, but a named cue of the same sentence outweighs it ("they said" after a quote that
 * "Smith said" opens).
 */
const UNNAMED_CUE = 0.7;

/** The score of a candidate for one quote: its evidence's weight, lowered by what speaks against it. */
export function scoreCandidate(candidate: Candidate): number {
  const weight = WEIGHT[candidate.evidence];
  return candidate.speaker ? weight : weight * UNNAMED_CUE;
}

/**
 * The best-scored candidate, the earlier one on a tie (candidates come nearest first); undefined
 * when there is none.
 */
export function chooseSpeaker(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const score = scoreCandidate(candidate);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
