import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { NewsbotError } from '../core/errors.ts';

const goldQuote = z.object({
  starts: z.string().min(1),
  speaker: z.string().nullable(),
  named: z.boolean().optional(),
  para: z.number().int().optional(),
});

const goldPerson = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  role: z.string().nullable().optional(),
  caption_only: z.boolean().optional(),
});

const goldArticle = z.object({
  file: z.string().min(1),
  source: z.string().optional(),
  outlet: z.string().optional(),
  title: z.string().optional(),
  quotes: z.array(goldQuote),
  people: z.array(goldPerson),
  mustNotContain: z.array(z.string()).optional(),
});

const goldFile = z.object({
  about: z.string().optional(),
  articles: z.array(goldArticle).min(1),
  story: z.unknown().optional(),
});

export type GoldQuote = z.infer<typeof goldQuote>;
export type GoldPerson = z.infer<typeof goldPerson>;
export type GoldArticle = z.infer<typeof goldArticle>;
export type GoldFile = z.infer<typeof goldFile>;

/** A gold file that cannot be read or does not have the seed gold's shape. */
export class GoldFileError extends NewsbotError<'E_BAD_GOLD'> {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super('E_BAD_GOLD', `${path}: ${problem}`);
  }
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GoldFileError(path, `cannot read the gold file (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GoldFileError(path, `the gold file is not valid JSON (${(error as Error).message}); fix it or give another file`);
  }
}

/**
 * Reads gold in the seed format (`{ articles: [{ file, quotes: [{ starts, speaker }], people,
 * mustNotContain? }] }`). Throws GoldFileError (E_BAD_GOLD) naming the file and the first
 * field that is wrong.
 */
export function loadGoldFile(path: string): GoldFile {
  const parsed = goldFile.safeParse(readJson(path));
  if (!parsed.success) throw new GoldFileError(path, `not a gold file of the seed format:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** One annotated page: its gold (in the seed format) and the folder holding its texts. */
export interface PageGold {
  /** "set/name", e.g. "readability/bbc-1". */
  label: string;
  dir: string;
  gold: GoldArticle;
}

/**
 * Reads every `<set>/<name>/quotes.gold.json` under a pages folder. Quotes whose speaker is null
 * count for detection only (named false), as in the scoring rules. Returns [] when the folder is absent.
 */
export function loadPageGolds(pagesDir: string): PageGold[] {
  if (!existsSync(pagesDir)) return [];
  const pages: PageGold[] = [];
  for (const set of readdirSync(pagesDir).sort()) {
    const setDir = join(pagesDir, set);
    let names: string[];
    try {
      names = readdirSync(setDir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(setDir, name, 'quotes.gold.json');
      if (!existsSync(path)) continue;
      const parsed = goldArticle.safeParse(readJson(path));
      if (!parsed.success) throw new GoldFileError(path, `not a page gold file:\n${z.prettifyError(parsed.error)}`);
      const gold = parsed.data;
      gold.quotes = gold.quotes.map((q) => (q.speaker === null ? { ...q, named: false } : q));
      pages.push({ label: `${set}/${name}`, dir: join(setDir, name), gold });
    }
  }
  return pages;
}
