import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIEmbed } from 'discord.js';
import type { Digest } from '../../../src/digest/types.ts';
import type { Story } from '../../../src/stories/types.ts';

/** Stories made from the two founding articles' own sentences, for briefing tests. */

const seedDir = fileURLToPath(new URL('../../../../shared/fixtures/seeds/articles/', import.meta.url));

interface SeedArticle {
  id: string;
  title: string;
  source: string;
  publishedAt: string;
  text: string;
}

export function seedArticles(): SeedArticle[] {
  return ['000_1e144d6f0b5b1d8e', '002_a7fd2f92f3b9b7ac'].map((id) => JSON.parse(readFileSync(`${seedDir}${id}.json`, 'utf8')) as SeedArticle);
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((paragraph) => [...segmenter.segment(paragraph)].map((s) => s.segment.trim()))
    .filter((s) => s.split(' ').length >= 6);
}

/** One story per call; `copy` makes the headline and id distinct and `summaryLength` sets how many sentences it summarises. */
export function seedStory(copy = 0, summaryLength = 3): Story {
  const [newsAz, moscowTimes] = seedArticles() as [SeedArticle, SeedArticle];
  const a = sentencesOf(newsAz.text);
  const b = sentencesOf(moscowTimes.text);
  const pick = (list: string[], from: number, count: number) => Array.from({ length: count }, (_, i) => list[(from + i) % list.length] as string);
  return {
    id: `seed-${copy}`,
    headline: copy === 0 ? newsAz.title : `${newsAz.title} (${copy})`,
    articles: [
      { id: newsAz.id, title: newsAz.title, source: newsAz.source, url: `https://news.az/news/${newsAz.id}`, publishedAt: newsAz.publishedAt },
      { id: moscowTimes.id, title: moscowTimes.title, source: moscowTimes.source, url: `https://www.themoscowtimes.com/${moscowTimes.id}`, publishedAt: moscowTimes.publishedAt },
    ],
    summary: pick(a, copy, summaryLength),
    agreed: [{ point: pick(a, copy + 1, 1)[0] as string, sources: [newsAz.source, moscowTimes.source] }],
    onlyIn: { [newsAz.source]: pick(a, copy + 2, 2), [moscowTimes.source]: pick(b, copy, 2) },
    new: pick(b, copy + 3, 1),
    people: [
      { name: 'Volodymyr Zelensky', role: 'Ukrainian President', aliases: ['Zelenskyy'] },
      { name: 'Sergey Lavrov', role: 'Russian Foreign Minister', aliases: ['Sergei Lavrov', 'Lavrov'] },
    ],
    quotes: [{ text: 'With time, patience, and the financial support of Europe and, in particular, NATO, the original Borders from where this War started, is very much an option.', speaker: 'Donald Trump', source: newsAz.source }],
    updatedAt: moscowTimes.publishedAt,
  };
}

export function seedDigest(stories: Story[]): Digest {
  return { generatedAt: '2025-09-25T06:00:00.000Z', title: 'Morning briefing', stories };
}

/** Every way one message body could break Discord's limits; empty when it fits. */
export function limitViolations(body: { content?: string; embeds?: APIEmbed[] }): string[] {
  const problems: string[] = [];
  const embeds = body.embeds ?? [];
  if ((body.content ?? '').length > 2000) problems.push('content over 2,000');
  if (embeds.length > 10) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    const fields = e.fields ?? [];
    if ((e.title ?? '').length > 256) problems.push('title over 256');
    if (e.title === '' || e.description === '') problems.push('empty title or description');
    if (e.url !== undefined && !/^https?:\/\/[^\s]+$/.test(e.url)) problems.push(`bad url ${e.url}`);
    if ((e.description ?? '').length > 4096) problems.push('description over 4,096');
    if (fields.length > 25) problems.push(`${fields.length} fields`);
    for (const f of fields) {
      if (f.name.length > 256) problems.push('field name over 256');
      if (f.value.length > 1024) problems.push('field value over 1,024');
      if (!f.value.trim() || !f.name.trim()) problems.push('empty field name or value');
    }
    if ((e.footer?.text ?? '').length > 2048) problems.push('footer over 2,048');
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > 6000) problems.push(`embeds total ${total} over 6,000`);
  return problems;
}
