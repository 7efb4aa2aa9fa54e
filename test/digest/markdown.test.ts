import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.ts';
import { renderDigestMarkdown } from '../../src/digest/markdown.ts';
import { digestPoints } from '../../src/digest/points.ts';
import type { Digest } from '../../src/digest/types.ts';
import { pick, seedAnalyses } from '../stories/fixtures.ts';

describe('renderDigestMarkdown', () => {
  const digest = buildDigest(pick(['e4a-courier', 'e4a-wire', 'e4a-ledger']), { now: new Date('2026-03-06T12:00:00Z'), title: 'Morning briefing' });
  const text = renderDigestMarkdown(digest);

  it('GIVEN a story from three outlets THEN it shows the headline and every source with its link', () => {
    expect(text).toContain('# Morning briefing');
    expect(text).toContain(`## 1. ${digest.stories[0]!.headline}`);
    for (const article of digest.stories[0]!.articles) expect(text).toContain(`](${article.url})`);
  });

  it('GIVEN agreed and exclusive points THEN it shows them under their headings', () => {
    expect(text).toContain('**All sources agree**');
    expect(text).toMatch(/\*\*Only in Valley Ledger\*\*\n- A class action lawsuit/);
  });

  it('GIVEN a briefing that told the story from two outlets WHEN a third reports THEN its news shows under "New since last briefing" and nowhere else', () => {
    const earlier = buildDigest(pick(['e4a-courier', 'e4a-wire']), { now: new Date('2026-03-05T12:00:00Z') });
    const later = buildDigest(pick(['e4a-courier', 'e4a-wire', 'e4a-ledger']), { now: new Date('2026-03-06T12:00:00Z'), previousPoints: digestPoints(earlier) });
    const story = later.stories[0]!;
    expect(story.new.length).toBeGreaterThan(0);
    expect(renderDigestMarkdown(later)).toContain('**New since last briefing**');
    const elsewhere = [...story.summary, ...story.agreed.map((a) => a.point), ...Object.values(story.onlyIn).flat()];
    for (const point of story.new) expect(elsewhere).not.toContain(point);
  });

  it('GIVEN people and quotes THEN it shows a role and a quote with its speaker and outlet', () => {
    expect(text).toMatch(/- Nadia Brandt, \S/);
    expect(text).toMatch(/> — Nadia Brandt, \[(Harbor Courier|Metro Wire)\]/);
  });

  it('GIVEN the seed articles without links THEN the sources are named with their titles', () => {
    const seeds = renderDigestMarkdown(buildDigest(seedAnalyses(), { now: new Date('2025-09-25T08:00:00Z') }));
    expect(seeds).toContain('Sources: News.Az: Rubio to meet Lavrov at UN');
    expect(seeds).toMatch(/\*\*Only in The Moscow Times\*\*/);
  });

  it('GIVEN markup in article text THEN it is escaped instead of formatting the briefing', () => {
    const digest: Digest = {
      generatedAt: '2026-03-06T12:00:00.000Z',
      stories: [{ id: 's', headline: 'A *bold* <b>claim</b>', articles: [{ id: 'a', title: 'T', source: 'S' }], summary: [], agreed: [], onlyIn: {}, new: [], people: [], quotes: [] }],
    };
    expect(renderDigestMarkdown(digest)).toContain('## 1. A \\*bold\\* \\<b\\>claim\\</b\\>');
  });

  it('GIVEN no stories THEN it says there is nothing new', () => {
    expect(renderDigestMarkdown({ generatedAt: '2026-03-06T12:00:00.000Z', stories: [] })).toContain('No new articles');
  });
});
