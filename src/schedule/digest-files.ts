import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { ScheduleError } from './errors.ts';
import { parseTarget } from './targets.ts';
import { canonicalTimeZone, isValidTimeZone } from './timezone.ts';
import { parseFilterTerms } from './filters.ts';
import type { Schedule } from './types.ts';
import { parseWhen } from './when.ts';
import { NewsbotError } from '../core/errors.ts';

/** One mistake in a digest file, located as precisely as the file allows. */
export interface DigestFileProblem {
  line?: number;
  field?: string;
  message: string;
}

/**
 * A digests/*.yaml file that cannot be used; `problems` lists every mistake, and `message`
 * prints them one per line as `file:line field: what is wrong`.
 */
export class DigestFileError extends NewsbotError<'E_DIGEST_FILE'> {
  constructor(
    readonly file: string,
    readonly problems: DigestFileProblem[],
  ) {
    super('E_DIGEST_FILE', problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`).join('\n'));
  }
}

export interface DigestFileOptions {
  /** Zone for files without `timezone` (NEWSBOT_TZ, else UTC). */
  defaultTimezone?: string;
  /** Paths in messages are shown relative to this folder (the working directory by default). */
  displayRoot?: string;
  /** Folder that relative feed paths start from; the parent of the file's folder by default (the repo root for digests/). */
  feedRoot?: string;
}

const nameSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'use letters, digits, "-" and "_" (e.g. morning-brief)');

const filterTermsSchema = z.union(
  [z.string().trim().min(1, 'must not be empty'), z.array(z.string().trim().min(1, 'must not be empty'))],
  'must be words or names, e.g. [ukraine, nato] or "ukraine, nato"',
);

/** The shape of a digests/*.yaml file; meaning (schedule, zone, targets) is checked after it. */
export const digestFileSchema = z.strictObject({
  name: nameSchema.optional(),
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  feeds: z.array(z.string().trim().min(1, 'must not be empty'), 'must be a list of feed URLs or paths, e.g. [https://example.com/rss.xml]').default([]),
  schedule: z.string('must be a schedule such as "daily 08:00" or "0 8 * * 1-5"').trim().min(1, 'must not be empty'),
  timezone: z.string('must be an IANA time zone such as Europe/Berlin').trim().optional(),
  targets: z
    .array(z.string(), 'must be a list such as [slack:C0123ABCD, discord:1234567890123456789, console:main]')
    .min(1, 'must name at least one channel, e.g. [console:main]'),
  include: filterTermsSchema.optional(),
  exclude: filterTermsSchema.optional(),
  threads: z.boolean('must be true or false: true posts a story already in the channel as a reply in its thread').default(true),
  maxStories: z.number('must be a whole number from 1 to 25').int('must be a whole number from 1 to 25').min(1, 'must be at least 1').max(25, 'must be at most 25').default(5),
});

function lineOf(doc: Document, lines: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  const keys = path.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
  for (let depth = keys.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(keys.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

function keyLine(doc: Document, lines: LineCounter, key: string): number | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
  const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
  return range ? lines.linePos(range[0]).line : undefined;
}

/** Parses one digest file's text into a Schedule; throws DigestFileError listing every mistake. */
export function parseDigestFile(text: string, file: string, options: DigestFileOptions = {}): Schedule {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new DigestFileError(
      file,
      doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line, message: `not valid YAML: ${e.message.split('\n')[0] ?? e.code}` })),
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new DigestFileError(file, [{ line: 1, message: 'must be a mapping with at least schedule: and targets: (see digests/demo.yaml)' }]);
  }
  const parsed = digestFileSchema.safeParse(data);
  const problems: DigestFileProblem[] = [];
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ line: keyLine(doc, lines, key), field: key, message: `unknown field; known fields are ${Object.keys(digestFileSchema.shape).join(', ')}` });
      }
      continue;
    }
    const field = issue.path.map(String).join('.') || undefined;
    problems.push({ line: lineOf(doc, lines, issue.path), ...(field ? { field } : {}), message: issue.message });
  }
  // Meaning checks run on whatever has the right type, so one pass reports every mistake.
  const raw = data as Record<string, unknown>;
  const rawZone = typeof raw.timezone === 'string' ? raw.timezone.trim() : undefined;
  const timezone = canonicalTimeZone(rawZone ?? options.defaultTimezone ?? 'UTC');
  if (rawZone !== undefined && !isValidTimeZone(rawZone)) {
    problems.push({ line: lineOf(doc, lines, ['timezone']), field: 'timezone', message: `"${rawZone}" is not an IANA time zone; use e.g. Europe/Berlin, America/New_York or UTC` });
  }
  let when: { cron: string; when: string } | undefined;
  if (typeof raw.schedule === 'string' && raw.schedule.trim() !== '') {
    try {
      // A bad zone is reported above; the schedule is still checked (in UTC) so both show at once.
      when = parseWhen(raw.schedule, isValidTimeZone(timezone) ? timezone : 'UTC');
    } catch (error) {
      if (!(error instanceof ScheduleError)) throw error;
      problems.push({ line: lineOf(doc, lines, ['schedule']), field: 'schedule', message: `${error.message} ${error.hint}` });
    }
  }
  const targets = (Array.isArray(raw.targets) ? raw.targets : []).flatMap((target: unknown, index) => {
    if (typeof target !== 'string') return [];
    try {
      return [parseTarget(target)];
    } catch (error) {
      if (!(error instanceof ScheduleError)) throw error;
      problems.push({ line: lineOf(doc, lines, ['targets', index]), field: `targets.${index}`, message: `${error.message} ${error.hint}` });
      return [];
    }
  });
  (Array.isArray(raw.feeds) ? raw.feeds : []).forEach((feed: unknown, index) => {
    if (typeof feed !== 'string') return;
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(feed.trim())?.[1]?.toLowerCase();
    // One letter before ':' is a Windows drive (C:\feeds), not a scheme.
    if (!scheme || scheme.length === 1) return;
    let valid = false;
    try {
      const url = new URL(feed.trim());
      valid = (scheme === 'http' || scheme === 'https') && url.hostname !== '';
    } catch {
      valid = false;
    }
    if (!valid) {
      problems.push({ line: lineOf(doc, lines, ['feeds', index]), field: `feeds.${index}`, message: `"${feed.trim().slice(0, 200)}" is not an http(s) address; write it as https://example.com/rss.xml, or give a path to a feed file` });
    }
  });
  const fileName = basename(file).replace(/\.ya?ml$/i, '');
  const name = typeof raw.name === 'string' ? raw.name : fileName;
  if (raw.name === undefined && !nameSchema.safeParse(name).success) {
    problems.push({ line: 1, field: 'name', message: `the file name "${fileName}" cannot be a schedule name; rename the file or add name: (letters, digits, "-" and "_")` });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (!parsed.success || problems.length > 0 || !when || !isValidTimeZone(timezone)) throw new DigestFileError(file, problems);
  const spec = parsed.data;
  return {
    id: `file:${name}`,
    title: spec.title ?? name,
    cron: when.cron,
    when: when.when,
    timezone,
    targets,
    feeds: spec.feeds.map((feed) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(feed) || isAbsolute(feed) ? feed : resolve(options.feedRoot ?? dirname(dirname(resolve(file))), feed))),
    maxStories: spec.maxStories,
    threads: spec.threads,
    ...filtersOf(spec.include, spec.exclude),
    origin: 'file',
  };
}

function filtersOf(include: string | string[] | undefined, exclude: string | string[] | undefined): Pick<Schedule, 'filters'> {
  const filters = { include: include ? parseFilterTerms(include) : [], exclude: exclude ? parseFilterTerms(exclude) : [] };
  return filters.include.length || filters.exclude.length ? { filters } : {};
}

function displayPath(path: string, options: DigestFileOptions): string {
  const shown = relative(options.displayRoot ?? process.cwd(), path);
  return shown.startsWith('..') || shown === '' ? path : shown;
}

/** Reads and validates one digest file; throws DigestFileError (also for a file that cannot be read). */
export function loadDigestFile(path: string, options: DigestFileOptions = {}): Schedule {
  const shown = displayPath(path, options);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DigestFileError(shown, [{ message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path` }]);
  }
  return parseDigestFile(text, shown, { ...options, feedRoot: options.feedRoot ?? dirname(dirname(resolve(path))) });
}

/**
 * Loads every digests/*.yaml in `dir`. Returns the valid schedules and one error per broken
 * file; a missing folder is no schedules, not an error. Two files with the same name: the
 * first (alphabetically) wins, the second is an error.
 */
export function loadDigestFiles(dir: string, options: DigestFileOptions = {}): { schedules: Schedule[]; errors: DigestFileError[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { schedules: [], errors: [] };
    throw error;
  }
  const schedules: Schedule[] = [];
  const errors: DigestFileError[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      const schedule = loadDigestFile(path, options);
      const clash = schedules.find((s) => s.id === schedule.id);
      if (clash) {
        errors.push(new DigestFileError(displayPath(path, options), [{ field: 'name', message: `"${schedule.id.slice(5)}" is already used by another file; give this one a different name:` }]));
        continue;
      }
      schedules.push(schedule);
    } catch (error) {
      if (error instanceof DigestFileError) errors.push(error);
      else throw error;
    }
  }
  return { schedules, errors };
}
