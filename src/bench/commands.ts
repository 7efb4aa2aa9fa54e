import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis, Entity, Quote } from '../analyze/types.ts';
import { systemClock } from '../core/clock.ts';
import { runSlashText } from '../commands/index.ts';
import { dropPostgresSchema, openPostgresStore } from '../store/postgres/postgres-store.ts';
import { openStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';

const givenNames = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luis', 'Mara', 'Nikolai', 'Olga', 'Pavel'];
const surnames = ['Adler', 'Brandt', 'Castell', 'Dovrenko', 'Ekberg', 'Falk', 'Gruber', 'Halloran', 'Ivanova', 'Jansen', 'Kowal', 'Lindqvist', 'Moreau', 'Novak', 'Ortega', 'Petrov'];
const topics = ['port strike', 'water rationing', 'robot recall', 'election', 'budget vote', 'bridge collapse', 'heatwave', 'tariff talks', 'rail merger', 'vaccine rollout'];

function person(i: number): { name: string; surname: string } {
  const surname = `${surnames[i % surnames.length]}${Math.floor(i / surnames.length)}`;
  return { name: `${givenNames[(i * 7) % givenNames.length]} ${surname}`, surname };
}

/** A synthetic analysed article naming three of `peopleCount` people, with two quotes. */
function syntheticAnalysis(i: number, peopleCount: number, start: number): Analysis {
  const topic = topics[i % topics.length]!;
  const names = [0, 1, 2].map((k) => person((i * 31 + k * 977) % peopleCount));
  const entities: Entity[] = names.map((p, k) => ({ id: `e${k}`, name: p.name, type: 'person', aliases: [p.surname], role: k === 0 ? 'minister' : 'spokesperson', mentions: 2 }));
  const paragraphs = [
    `${names[0]!.name} spoke about the ${topic} in city ${i % 500} on day ${i}.`,
    `"We will keep working on the ${topic} until it is solved," ${names[0]!.surname} said.`,
    `${names[1]!.name} disagreed with the plan and asked for a vote on the ${topic}.`,
  ];
  const quotes: Quote[] = [
    { text: `We will keep working on the ${topic} until it is solved,`, speaker: names[0]!.name, speakerId: 'e0', paragraph: 1, partial: false },
  ];
  return {
    article: {
      id: `bench-${i}`,
      source: `Outlet ${i % 40}`,
      title: `${topic} update ${i}`,
      url: `https://outlet${i % 40}.example/${i}`,
      publishedAt: new Date(start + i * 60_000).toISOString(),
      paragraphs,
      removed: [],
    },
    sentences: paragraphs.map((text, paragraph) => ({ text, paragraph, start: 0 })),
    entities,
    quotes,
    keyPoints: [paragraphs[0]!],
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const benchArticles = () => Number(process.env.BENCH_ARTICLES ?? 100_000);
/** Articles saved per call when loading the store. */
const loadBatch = 500;

/** Slash-command latency (p50/p99, ms) over a SQLite store of `articles` synthetic articles. */
export async function benchCommands(articles = benchArticles()): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-'));
  try {
    return { store: 'sqlite', ...(await measureCommands(openStore(join(dir, 'bench.db')), articles)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same figures over PostgreSQL at BENCH_DATABASE_URL (default: the test server), in a
 * schema of its own that is dropped afterwards.
 */
export async function benchCommandsPostgres(articles = benchArticles()): Promise<Record<string, unknown>> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `newsbot_bench_${process.pid}`;
  try {
    return { store: 'postgres', ...(await measureCommands(await openPostgresStore(url, { schema }), articles)) };
  } finally {
    await dropPostgresSchema(url, schema);
  }
}

async function measureCommands(store: Store, articles: number): Promise<Record<string, unknown>> {
  try {
    const peopleCount = Math.max(100, Math.floor(articles / 20));
    const start = Date.parse('2026-01-01T00:00:00Z');
    const loadStarted = performance.now();
    for (let from = 0; from < articles; from += loadBatch) {
      const batch = Array.from({ length: Math.min(loadBatch, articles - from) }, (_, k) => syntheticAnalysis(from + k, peopleCount, start));
      await store.saveAnalyses(batch);
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const ctx = { store, clock: systemClock, defaultTimezone: 'UTC' };
    const caller = { id: 'bench', isAdmin: false };
    const channel = { platform: 'console' as const, id: 'bench' };
    const commands: Record<string, (i: number) => string> = {
      who: (i) => `/who ${person((i * 13) % peopleCount).surname}`,
      quotes: (i) => `/quotes ${person((i * 17) % peopleCount).surname} 5`,
      story: (i) => `/story ${topics[i % topics.length]} ${i % 500}`,
    };
    const latency: Record<string, { p50: number; p99: number; runs: number }> = {};
    for (const [name, make] of Object.entries(commands)) {
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        await runSlashText(make(i), caller, channel, ctx);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      latency[name] = { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), runs: times.length };
    }
    const suggest: number[] = [];
    for (let i = 0; i < 500; i++) {
      const prefix = person((i * 19) % peopleCount).surname.slice(0, 3).toLowerCase();
      const t0 = performance.now();
      await store.suggestPeople(prefix, 25);
      suggest.push(performance.now() - t0);
    }
    suggest.sort((a, b) => a - b);
    latency['autocomplete'] = { p50: round(percentile(suggest, 50)), p99: round(percentile(suggest, 99)), runs: suggest.length };
    return { articles, loadBatch, storeLoadSeconds: round(loadSeconds), storeLoadArticlesPerSecond: Math.round(articles / loadSeconds), latencyMs: latency };
  } finally {
    await store.close();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
