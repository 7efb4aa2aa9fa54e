import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analyze/sentences.ts';

const split = (text: string): string[] => splitSentences([text]).map((s) => s.text);

// Cases in the spirit of the English "Golden Rules" of pragmatic_segmenter.
describe('sentence splitting', () => {
  it.each([
    ['Hello World. My name is Jonas.', ['Hello World.', 'My name is Jonas.']],
    ['What is your name? My name is Jonas.', ['What is your name?', 'My name is Jonas.']],
    ['There it is! I found it.', ['There it is!', 'I found it.']],
    ['My name is Jonas E. Smith.', ['My name is Jonas E. Smith.']],
    ['Please turn to p. 55.', ['Please turn to p. 55.']],
    ['Were Jane and co. at the party?', ['Were Jane and co. at the party?']],
    ['They closed the deal with Pitt, Briggs & Co. at noon.', ['They closed the deal with Pitt, Briggs & Co. at noon.']],
    ['Let\'s ask Jane and co. They should know.', ["Let's ask Jane and co.", 'They should know.']],
    ['I live in the U.S. How about you?', ['I live in the U.S.', 'How about you?']],
    ['U.S. Secretary of State Marco Rubio met Mr. Lavrov on Jan. 5 in New York.', ['U.S. Secretary of State Marco Rubio met Mr. Lavrov on Jan. 5 in New York.']],
    ['Gen. Smith spoke first. Then Sen. Jones replied.', ['Gen. Smith spoke first.', 'Then Sen. Jones replied.']],
    ['"Why not?" he asked. Nobody answered.', ['"Why not?" he asked.', 'Nobody answered.']],
    ['She said, "The war must end." He agreed.', ['She said, "The war must end."', 'He agreed.']],
    ['He left at 5 p.m. on Friday.', ['He left at 5 p.m. on Friday.']],
    ['The plan (approved in May.) failed. Critics cheered.', ['The plan (approved in May.) failed.', 'Critics cheered.']],
    ['We have already lost Georgia in Europe... and Belarus is moving away.', ['We have already lost Georgia in Europe... and Belarus is moving away.']],
    ['It was a good year... The next one was worse.', ['It was a good year...', 'The next one was worse.']],
    ['J. R. R. Tolkien wrote it. Readers loved it.', ['J. R. R. Tolkien wrote it.', 'Readers loved it.']],
  ])('GIVEN %j THEN the sentences are split at true boundaries only', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('GIVEN several paragraphs THEN each sentence knows its paragraph and offset', () => {
    const sentences = splitSentences(['One. Two.', 'Three.']);
    expect(sentences.map((s) => [s.text, s.paragraph, s.start])).toEqual([
      ['One.', 0, 0],
      ['Two.', 0, 5],
      ['Three.', 1, 0],
    ]);
  });
});
