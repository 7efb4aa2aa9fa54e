import type { Analysis, Sentence } from '../analyze/types.ts';
import { articleTime, profileArticle, StoryClusterer, TermFrequencies } from '../stories/cluster/story-clusters.ts';

const ARTICLES_PER_DAY = 1_000;
const VOCABULARY = 30_000;
const SIZES = [1_000, 10_000, 100_000];

/**
 * Clustering time, peak heap and pairwise precision/recall on generated articles at 1k, 10k
 * and 100k (about 1,000 articles a day, events told by 1-4 outlets within hours). The whole
 * batch path of `clusterArticles` runs: profiles, document frequencies, incremental assignment.
 */
export async function benchClustering(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const size of SIZES) {
    const { analyses, eventOf } = generateArticles(size, 7 + size);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const profiles = analyses
      .map((analysis) => profileArticle(analysis, articleTime(analysis, 0)))
      .sort((a, b) => a.time - b.time);
    const frequencies = new TermFrequencies();
    for (const profile of profiles) profile.termIds = frequencies.add(profile.terms);
    const clusterer = new StoryClusterer({ frequencies });
    const storyOf = new Map<string, string>();
    profiles.forEach((profile, i) => {
      storyOf.set(profile.analysis.article.id, clusterer.addProfile(profile));
      if (i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const quality = pairwiseFromLabels(analyses.map((a) => [eventOf.get(a.article.id) ?? '', storyOf.get(a.article.id) ?? '']));
    results[`articles_${size}`] = {
      ms: Math.round(ms),
      // CPU time of this process: the honest figure on a shared machine, where wall time waits for others.
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      articlesPerSecond: Math.round(size / (ms / 1000)),
      peakHeapMB: Math.round((peak - baseline) / 1e6),
      stories: clusterer.stories().length,
      events: new Set(eventOf.values()).size,
      pairwisePrecision: round(quality.precision),
      pairwiseRecall: round(quality.recall),
    };
    await new Promise((resolve) => setImmediate(resolve));
  }
  const small = results['articles_10000'] as { cpuMs: number } | undefined;
  const large = results['articles_100000'] as { cpuMs: number } | undefined;
  if (small !== undefined && large !== undefined) results['cpuGrowth_10k_to_100k'] = round(large.cpuMs / small.cpuMs);
  return results;
}

/** Pairwise precision/recall from (gold label, system label) per item, without enumerating pairs. */
export function pairwiseFromLabels(labels: Array<[string, string]>): { precision: number; recall: number } {
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  const gold = new Map<string, number>();
  const system = new Map<string, number>();
  const both = new Map<string, number>();
  for (const [g, s] of labels) {
    gold.set(g, (gold.get(g) ?? 0) + 1);
    system.set(s, (system.get(s) ?? 0) + 1);
    const key = `${g}\u0000${s}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  const sum = (map: Map<string, number>): number => [...map.values()].reduce((total, n) => total + pairs(n), 0);
  const truePairs = sum(both);
  const systemPairs = sum(system);
  const goldPairs = sum(gold);
  return { precision: systemPairs === 0 ? 1 : truePairs / systemPairs, recall: goldPairs === 0 ? 1 : truePairs / goldPairs };
}

/** Seeded pseudo-random numbers, so every run clusters the same articles. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'to', 'sa', 'vel', 'dor', 'un', 'pe', 'gri', 'ast', 'mo', 'lin', 'ber', 'cha'];

function pseudoWord(i: number): string {
  let word = '';
  let n = i + 17;
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return word;
}

/** Generated articles: events with their own topic words, people, place and figure, told by 1-4 outlets. */
export function generateArticles(count: number, seed: number): { analyses: Analysis[]; eventOf: Map<string, string> } {
  const next = random(seed);
  const vocabulary = Array.from({ length: VOCABULARY }, (_, i) => pseudoWord(i));
  // Zipf-like draw: common words often, rare words rarely.
  const commonWord = (): string => vocabulary[Math.floor(VOCABULARY * next() ** 3)] ?? 'word';
  const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  const days = Math.max(1, count / ARTICLES_PER_DAY);
  const start = Date.UTC(2026, 0, 1);
  const analyses: Analysis[] = [];
  const eventOf = new Map<string, string>();
  let event = 0;
  while (analyses.length < count) {
    const eventTime = start + next() * days * 86_400_000;
    const topic = Array.from({ length: 8 }, () => vocabulary[Math.floor(next() * VOCABULARY)] ?? 'topic');
    const people = Array.from({ length: 2 }, () => `${capital(pseudoWord(Math.floor(next() * 5000)))} ${capital(pseudoWord(5000 + Math.floor(next() * 20000)))}`);
    const place = capital(pseudoWord(40_000 + Math.floor(next() * 3000)));
    const figure = String(100 + Math.floor(next() * 90_000));
    const outlets = 1 + Math.floor(next() * 4);
    for (let k = 0; k < outlets && analyses.length < count; k += 1) {
      const id = `gen-${event}-${k}`;
      const pickTopic = (): string => topic[Math.floor(next() * topic.length)] ?? 'topic';
      const sentence = (): string => {
        const words = Array.from({ length: 11 }, commonWord);
        words.splice(Math.floor(next() * 11), 0, pickTopic(), pickTopic());
        if (next() < 0.5) words.splice(Math.floor(next() * 11), 0, people[Math.floor(next() * 2)] ?? 'Someone');
        if (next() < 0.3) words.splice(Math.floor(next() * 11), 0, 'in', place);
        if (next() < 0.2) words.push(figure);
        return capital(words.join(' ')) + '.';
      };
      const paragraphs = Array.from({ length: 6 }, sentence);
      const sentences: Sentence[] = paragraphs.map((text, paragraph) => ({ text, paragraph, start: 0 }));
      analyses.push({
        article: {
          id,
          source: `Outlet ${Math.floor(next() * 60)}`,
          title: capital([pickTopic(), commonWord(), pickTopic(), place, commonWord()].join(' ')),
          publishedAt: new Date(eventTime + next() * 12 * 3_600_000).toISOString(),
          paragraphs,
          removed: [],
        },
        sentences,
        entities: people.map((name, i) => ({ id: `e${i}`, name, type: 'person', aliases: [name.split(' ')[1] ?? name], mentions: 2 })),
        quotes: [],
        keyPoints: [],
      });
      eventOf.set(id, `event-${event}`);
    }
    event += 1;
  }
  return { analyses, eventOf };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
