// zod's functional build: the store is opened by every command, and it loads a third fewer modules.
import { z } from 'zod/mini';
import type { Analysis } from '../analyze/types.ts';
import type { Schedule } from '../schedule/types.ts';
import { StoreError } from './errors.ts';

// The mini build carries no messages of its own: the English ones say what a broken row lacks.
z.config(z.locales.en());

// What the store writes as JSON and reads back. Checked on every read so that a row from an
// older or broken write fails here, naming its article or schedule, and not deep inside a
// stage. Objects stay loose: fields added by a newer analysis pass through untouched.

const articleSchema = z.looseObject({
  id: z.string(),
  source: z.string(),
  title: z.string(),
  url: z.optional(z.string()),
  publishedAt: z.optional(z.string()),
  byline: z.optional(z.string()),
  paragraphs: z.array(z.string()),
  removed: z.array(z.string()),
  feedUrl: z.optional(z.string()),
  teaserOnly: z.optional(z.boolean()),
});

const analysisSchema = z.looseObject({
  article: articleSchema,
  sentences: z.array(z.looseObject({ text: z.string(), paragraph: z.int(), start: z.int() })),
  entities: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      type: z.enum(['person', 'org', 'place']),
      aliases: z.array(z.string()),
      role: z.optional(z.string()),
      mentions: z.number(),
      gender: z.optional(z.enum(['male', 'female'])),
    }),
  ),
  quotes: z.array(
    z.looseObject({
      text: z.string(),
      speaker: z.nullable(z.string()),
      speakerId: z.optional(z.string()),
      cue: z.optional(z.string()),
      paragraph: z.int(),
      partial: z.boolean(),
    }),
  ),
  keyPoints: z.array(z.string()),
});

const scheduleSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  cron: z.string(),
  when: z.string(),
  timezone: z.string(),
  targets: z.array(z.looseObject({ platform: z.enum(['console', 'slack', 'discord']), id: z.string() })),
  feeds: z.array(z.string()),
  maxStories: z.int(),
  origin: z.enum(['file', 'chat']),
  threads: z.optional(z.boolean()),
  createdBy: z.optional(z.string()),
  createdAt: z.optional(z.string()),
});

const stringList = z.array(z.string());

function read<T>(schema: z.ZodMiniType, json: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw corrupt(what, `it is not JSON (${(error as Error).message})`, error);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw corrupt(what, z.prettifyError(result.error).replace(/\s*\n\s*/g, ' '), result.error);
  return result.data as T;
}

function corrupt(what: string, reason: string, cause: unknown): StoreError {
  return new StoreError('E_STORE_CORRUPT', `The stored ${what} cannot be read back: ${reason}.`, {
    cause,
    hint: 'Ingest the article again or remove the row; a newer newsbot may have written it.',
  });
}

/** The stored analysis of article `articleId`; throws E_STORE_CORRUPT naming the article when the row is unreadable. */
export function readAnalysis(json: string, articleId: string): Analysis {
  return read<Analysis>(analysisSchema, json, `analysis of article "${articleId}"`);
}

/** The stored schedule `scheduleId`; throws E_STORE_CORRUPT naming it when the row is unreadable. */
export function readSchedule(json: string, scheduleId: string): Schedule {
  return read<Schedule>(scheduleSchema, json, `schedule "${scheduleId}"`);
}

/** A stored list of strings (a run's message ids or points). */
export function readStringList(json: string, what: string): string[] {
  return read<string[]>(stringList, json, what);
}
