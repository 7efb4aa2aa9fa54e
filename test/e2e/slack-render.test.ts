import { describe, expect, it } from 'vitest';
import type { types } from '@slack/bolt';
import { linkTo, plainCommandText } from '../../adapters/slack/escape.ts';
import { renderDigest, renderReply, slackLimits } from '../../adapters/slack/render.ts';
import { readSlashCommand } from '../../adapters/slack/slash-command.ts';
import { splitText } from '../../adapters/slack/split-text.ts';
import type { Digest } from '../../src/digest/types.ts';
import type { Story } from '../../src/stories/types.ts';

type Block = types.KnownBlock;

function story(index: number, overrides: Partial<Story> = {}): Story {
  return {
    id: `s${index}`,
    headline: `Story ${index}: ministers meet over the grain corridor`,
    articles: [
      { id: `a${index}`, title: `Ministers meet (${index})`, source: 'News.Az', url: `https://news.example/a${index}` },
      { id: `b${index}`, title: `Talks on grain (${index})`, source: 'The Moscow Times', url: `https://times.example/b${index}` },
    ],
    summary: [`Foreign ministers met in New York on day ${index}.`, 'They discussed the grain corridor and prisoner exchanges.'],
    agreed: [{ point: 'The ministers met on the sidelines of the UN General Assembly.', sources: ['News.Az', 'The Moscow Times'] }],
    onlyIn: { 'The Moscow Times': ['The Kremlin declined to comment on the talks.'] },
    new: [`A second meeting is planned for day ${index + 1}.`],
    people: [{ name: 'Sergey Lavrov', role: 'Russian Foreign Minister', aliases: ['Sergei Lavrov'] }],
    quotes: [{ text: 'The war needs to end and both sides know it', speaker: 'Marco Rubio', source: 'News.Az', url: `https://news.example/a${index}` }],
    ...overrides,
  };
}

function textsOf(blocks: Block[]): string[] {
  const texts: string[] = [];
  for (const block of blocks) {
    if (block.type === 'section' && block.text) texts.push(block.text.text);
    if (block.type === 'header') texts.push(block.text.text);
    if (block.type === 'context') for (const element of block.elements) if ('text' in element) texts.push(element.text);
  }
  return texts;
}

/** Removes the markup the renderer itself writes (links, dates, block quotes), leaving only article text. */
function withoutOwnMarkup(text: string): string {
  return text.replace(/<https?:\/\/[^|>]+\|([^>]*)>/g, '$1').replace(/^> /gm, '').replace(/<!date\^[^|>]+\|[^>]*>/g, '');
}

describe('Slack briefing rendering', () => {
  it('GIVEN an article that tries to ping the channel THEN every piece of its text reaches Slack escaped', () => {
    const hostile = '<!channel> <!here> <@U123> & <https://evil.example|click>';
    const digest: Digest = {
      generatedAt: '2026-11-23T08:00:00Z',
      title: `Morning ${hostile}`,
      stories: [
        story(1, {
          headline: `Alert ${hostile}`,
          summary: [`Summary ${hostile}.`],
          agreed: [{ point: `Agreed ${hostile}`, sources: [`Src ${hostile}`] }],
          onlyIn: { [`Outlet ${hostile}`]: [`Only ${hostile}`] },
          new: [`New ${hostile}`],
          people: [{ name: `Name ${hostile}`, role: `Role ${hostile}`, aliases: [] }],
          quotes: [{ text: `Quote ${hostile} and more words`, speaker: `Speaker ${hostile}`, source: `Source ${hostile}` }],
          articles: [{ id: 'x', title: `Title ${hostile}`, source: `Outlet ${hostile}`, url: 'https://news.example/x' }],
        }),
      ],
    };
    const messages = renderDigest(digest);
    const everything = messages.flatMap((message) => [message.text, ...textsOf(message.blocks)]);
    for (const text of everything) {
      const articleText = withoutOwnMarkup(text);
      expect(articleText).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/);
      expect(articleText).not.toMatch(/[<>]/);
    }
    expect(everything.join('\n')).toContain('&lt;!channel&gt;');
    expect(everything.join('\n')).toContain('&lt;@U123&gt;');
  });

  it('GIVEN an article that writes a bare @here or @channel THEN Slack gets text it cannot read as a ping, in blocks it does not parse', () => {
    const [message] = renderDigest({
      generatedAt: '2026-11-23T08:00:00Z',
      stories: [story(1, { headline: 'Office memo to @here leaked', summary: ['The memo told @channel and @everyone to stay home.'] })],
    });
    const texts = [message!.text, ...textsOf(message!.blocks)].join('\n');
    expect(texts).not.toMatch(/@(here|channel|everyone)/);
    expect(texts).toContain('@\u2060here');
    for (const block of message!.blocks) {
      if (block.type === 'section') expect(block.text).toMatchObject({ type: 'mrkdwn', verbatim: true });
      if (block.type === 'context') for (const element of block.elements) expect(element).toMatchObject({ verbatim: true });
    }
  });

  it('GIVEN a 60-story digest THEN it is split into messages of at most 50 blocks and 8,000 characters, sections of at most 3,000, each story whole', () => {
    const digest: Digest = { generatedAt: '2026-11-23T08:00:00Z', stories: Array.from({ length: 60 }, (_, i) => story(i + 1)) };
    const messages = renderDigest(digest);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
      expect(textsOf(message.blocks).join('').length).toBeLessThanOrEqual(slackLimits.textCharsPerMessage);
      expect(message.text.length).toBeGreaterThan(0);
      for (const block of message.blocks) {
        if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(slackLimits.sectionChars);
      }
    }
    expect(messages[0]!.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'News briefing' } });
    expect(messages[1]!.text).toMatch(/continued 2\//);
    // Each story's headline and its divider land in the same message, so no story is torn apart.
    const allTexts = messages.map((message) => textsOf(message.blocks).join('\n'));
    for (let i = 1; i <= 60; i++) {
      const holders = allTexts.filter((text) => text.includes(`a${i}|Story ${i}:`) || text.includes(`Talks on grain (${i})`));
      expect(holders).toHaveLength(1);
    }
    const dividers = messages.reduce((sum, message) => sum + message.blocks.filter((block) => block.type === 'divider').length, 0);
    expect(dividers).toBe(60);
  });

  it('GIVEN a summary far longer than a section THEN it is split between sentences and no sentence is cut', () => {
    const sentences = Array.from({ length: 80 }, (_, i) => `Sentence number ${i} explains one more detail of the long negotiation in plain words.`);
    const messages = renderDigest({ generatedAt: '2026-11-23T08:00:00Z', stories: [story(1, { summary: sentences })] });
    const sectionTexts = messages.flatMap((message) => message.blocks.filter((b) => b.type === 'section').map((b) => (b as types.SectionBlock).text!.text));
    expect(sectionTexts.filter((text) => text.includes('Sentence number')).length).toBeGreaterThan(1);
    for (const text of sectionTexts) expect(text.length).toBeLessThanOrEqual(3000);
    for (const sentence of sentences) {
      expect(sectionTexts.some((text) => text.includes(sentence))).toBe(true);
    }
  });

  it('GIVEN a new point already listed as agreed THEN it is marked new there instead of being repeated, and unlisted new points get their own list', () => {
    const agreedPoint = 'The ministers met on the sidelines of the UN General Assembly.';
    const [message] = renderDigest({
      generatedAt: '2026-11-23T08:00:00Z',
      stories: [story(1, { new: [agreedPoint, 'A ceasefire proposal was tabled late on Tuesday.'] })],
    });
    const text = textsOf(message!.blocks).join('\n');
    expect(text.split(agreedPoint)).toHaveLength(2);
    expect(text).toContain(`${agreedPoint} _(News.Az, The Moscow Times)_ _(new)_`);
    expect(text).toContain('*Also new since the last briefing*\n• A ceasefire proposal was tabled late on Tuesday.');
    expect(text).not.toContain('Kremlin declined to comment on the talks. _(new)_');
  });

  it('GIVEN several quotes THEN the one shown is a whole, readable statement by a person in the story, without a dangling comma', () => {
    const [message] = renderDigest({
      generatedAt: '2026-11-23T08:00:00Z',
      stories: [
        story(1, {
          quotes: [
            { text: 'hoax', speaker: 'Donald Trump', source: 'News.Az' },
            { text: 'word '.repeat(120).trim(), speaker: 'Sergey Lavrov', source: 'News.Az' },
            { text: 'We will not accept any ultimatum from anyone,', speaker: 'Sergey Lavrov', source: 'The Moscow Times', url: 'https://times.example/q' },
          ],
        }),
      ],
    });
    const text = textsOf(message!.blocks).join('\n');
    expect(text).toContain('> “We will not accept any ultimatum from anyone”\n— *Sergey Lavrov*, <https://times.example/q|The Moscow Times>');
    expect(text).not.toContain('hoax');
  });

  it('GIVEN an empty digest THEN the channel is told there is nothing new rather than getting a blank post', () => {
    const [message, ...rest] = renderDigest({ generatedAt: '2026-11-23T08:00:00Z', stories: [] });
    expect(rest).toHaveLength(0);
    expect(textsOf(message!.blocks).join('\n')).toContain('No new stories');
  });

  it('GIVEN an error reply THEN it shows the message and what to do next', () => {
    const [message] = renderReply({ kind: 'error', ephemeral: true, code: 'forbidden', message: 'Only admins can schedule briefings.', hint: 'Ask a workspace admin.' });
    expect(textsOf(message!.blocks)).toEqual([':warning: Only admins can schedule briefings.', 'Ask a workspace admin.']);
  });
});

describe('Slack text helpers', () => {
  it('GIVEN a javascript: URL THEN the label is shown without a link', () => {
    expect(linkTo('javascript:alert(1)', 'Click')).toBe('Click');
    expect(linkTo('https://news.example/a?b=1&c=2|x', 'A | B')).toBe('<https://news.example/a?b=1&amp;c=2%7Cx|A ¦ B>');
  });

  it('GIVEN a text reply with URLs THEN they become links without the punctuation around them', () => {
    const [message] = renderReply({ kind: 'text', ephemeral: true, title: 'Feeds', sections: [{ lines: ['Following https://example.com/rss.xml.', '(https://news.example/feed?a=1&b=2), ok'] }] });
    expect(textsOf(message!.blocks)).toContain('Following <https://example.com/rss.xml>.\n(<https://news.example/feed?a=1&amp;b=2>), ok');
  });

  it('GIVEN a line longer than the limit THEN it breaks at a sentence end, never inside a link', () => {
    const link = '<https://news.example/x|U.S. Says. More>';
    const text = `${'Word '.repeat(5)}ends here. ${link} and then. Another sentence follows here.`;
    const chunks = splitText(text, 60);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(60);
    expect(chunks.some((chunk) => chunk.includes(link))).toBe(true);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('GIVEN a slash command Slack escaped and wrapped THEN the words come back as typed', () => {
    expect(plainCommandText('add <https://feeds.example/rss?a=1&amp;b=2|feeds.example/rss>')).toBe('add https://feeds.example/rss?a=1&b=2');
    expect(readSlashCommand({ command: '/quotes', text: '“Donald Trump” 3' })).toEqual({ name: 'quotes', args: ['Donald Trump', '3'] });
    expect(readSlashCommand({ command: '/newsbot', text: 'who lavrov' })).toEqual({ name: 'who', args: ['lavrov'] });
    expect(readSlashCommand({ command: '/news-digest', text: 'now' })).toEqual({ name: 'digest', args: ['now'] });
    expect(readSlashCommand({ command: '/newsbot', text: 'weather' })).toBeUndefined();
  });
});
