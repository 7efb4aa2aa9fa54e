import { describe, expect, test } from 'vitest';
import { splitText } from '../../adapters/discord/embed-limits.ts';
import { renderDigest, renderReply } from '../../adapters/discord/render.ts';
import { errorReply } from '../../src/commands/types.ts';
import { limitViolations, seedDigest, seedStory, sentencesOf, seedArticles } from './fakes/discord-seeds.ts';

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

describe('splitting text for Discord', () => {
  test('GIVEN a paragraph over the limit THEN it breaks between sentences and every sentence survives whole', () => {
    const sentences = sentencesOf(seedArticles()[0]!.text);
    const paragraph = sentences.join(' ');
    const pieces = splitText(paragraph, 1024);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(1024);
    for (const sentence of sentences) expect(pieces.some((p) => p.includes(sentence))).toBe(true);
  });

  test('GIVEN one sentence longer than the limit THEN it breaks between words and no word is lost', () => {
    const sentence = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ') + '.';
    const pieces = splitText(sentence, 1024);
    expect(pieces.every((p) => p.length <= 1024)).toBe(true);
    expect(pieces.join(' ')).toBe(sentence);
  });
});

describe('rendering briefings and replies', () => {
  test('GIVEN a headline over 256 characters THEN the title is shortened at a word and the whole headline opens the description', () => {
    const story = seedStory(0);
    story.headline = `${'Talks at the United Nations continue as ministers meet again '.repeat(6)}today`;
    const [message] = renderDigest(seedDigest([story]));
    const embed = message!.embeds[0]!;
    expect(embed.title!.length).toBeLessThanOrEqual(256);
    expect(embed.title!.endsWith('…')).toBe(true);
    expect(unescape(embed.description!)).toContain(story.headline);
    expect(limitViolations(message!)).toEqual([]);
  });

  test('GIVEN a story with a malformed URL, blank points and a nameless outlet THEN its message still passes Discord validation', () => {
    const story = seedStory(0);
    story.articles[0]!.url = 'https://news.example/a b/(draft)';
    story.articles[1]!.url = 'not a url';
    story.onlyIn = { '': ['   ', 'Only this outlet named the venue.'], 'The Moscow Times': [''] };
    story.new = [''];
    story.agreed = [{ point: ' ', sources: ['News.Az'] }];
    const [message] = renderDigest(seedDigest([story]));
    const embed = message!.embeds[0]!;
    expect(limitViolations(message!)).toEqual([]);
    expect(embed.url).toBe('https://news.example/a%20b/%28draft%29');
    const names = embed.fields!.map((f) => f.name);
    expect(names).toContain('Only in one source');
    expect(names).not.toContain('Only in The Moscow Times');
    expect(names).not.toContain('New since the last briefing');
    expect(names).not.toContain('All sources agree');
  });

  test('GIVEN an empty briefing THEN one message says there is nothing new', () => {
    const messages = renderDigest(seedDigest([]));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toContain('No new stories');
  });

  test('GIVEN a masked link in article text THEN it is shown as text, not as a link', () => {
    const story = seedStory(0);
    story.summary = ['Readers were told to [verify their account](https://phish.example/login) before the vote.'];
    const description = renderDigest(seedDigest([story]))[0]!.embeds[0]!.description!;
    expect(description).not.toContain('[verify their account](');
    expect(unescape(description)).toContain('[verify their account](https://phish.example/login)');
  });

  test('GIVEN an error reply THEN it is ephemeral and carries its hint', () => {
    const rendered = renderReply(errorReply('forbidden', 'Only server managers can schedule briefings.', 'Ask someone with Manage Server.'));
    expect(rendered.ephemeral).toBe(true);
    expect(rendered.messages[0]!.content).toContain('Only server managers can schedule briefings.');
    expect(rendered.messages[0]!.content).toContain('Ask someone with Manage Server.');
  });

  test('GIVEN a person profile THEN the embed shows the spellings, outlets and recent quotes', () => {
    const rendered = renderReply({
      kind: 'profile',
      ephemeral: false,
      profile: {
        name: 'Volodymyr Zelensky',
        role: 'Ukrainian President',
        aliases: ['Zelenskyy'],
        outlets: [{ source: 'News.Az', mentions: 3 }, { source: 'The Moscow Times', mentions: 1 }],
        articleCount: 2,
        quoteCount: 2,
        lastSeen: '2025-09-24T20:00:00Z',
      },
      quotes: [{ text: 'I am grateful to President Trump for his support.', speaker: 'Volodymyr Zelensky', source: 'News.Az', title: 'Rubio to meet Lavrov', url: 'https://news.az/x' }],
    });
    const embed = rendered.messages[0]!.embeds[0]!;
    expect(embed.title).toBe('Volodymyr Zelensky');
    expect(embed.description).toContain('Zelenskyy');
    const text = JSON.stringify(embed.fields);
    expect(text).toContain('The Moscow Times (1)');
    expect(text).toContain('grateful to President Trump');
  });
});
