import { describe, expect, it } from 'vitest';
import { chooseSpeaker, scoreCandidate, type Candidate } from '../../src/analyze/quotes/speaker-choice.ts';

const ortiz = { name: 'Daniel Ortiz', entityId: 'e1' };
const marsh = { name: 'Ellen Marsh', entityId: 'e2' };

describe('choosing a speaker among candidates', () => {
  it('GIVEN a cue in the quote\'s own sentence and the speaker before THEN the cue wins', () => {
    const candidates: Candidate[] = [
      { evidence: 'previous-speaker', speaker: ortiz },
      { evidence: 'cue-after', speaker: marsh, cue: 'Marsh said' },
    ];
    expect(chooseSpeaker(candidates)?.speaker).toEqual(marsh);
  });

  it('GIVEN a cue that names nobody ("they said") THEN it still outweighs the layout, and a named cue of the sentence outweighs it', () => {
    const unnamed: Candidate = { evidence: 'cue-after', speaker: null, cue: 'they said' };
    expect(chooseSpeaker([{ evidence: 'previous-speaker', speaker: ortiz }, unnamed])).toBe(unnamed);
    expect(chooseSpeaker([unnamed, { evidence: 'cue-before', speaker: marsh }])?.speaker).toEqual(marsh);
  });

  it('GIVEN the subject leading into the quote and the speaker before THEN the subject wins', () => {
    expect(scoreCandidate({ evidence: 'lead-in-subject', speaker: marsh })).toBeGreaterThan(scoreCandidate({ evidence: 'previous-speaker', speaker: ortiz }));
  });

  it('GIVEN no candidate THEN nobody is chosen', () => {
    expect(chooseSpeaker([])).toBeUndefined();
  });
});
