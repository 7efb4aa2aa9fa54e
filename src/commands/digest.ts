import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { buildBriefing } from '../app/build-briefing.ts';
import { withStoredNames } from '../app/stored-names.ts';
import { packageRoot } from '../core/package-root.ts';
import { buildDigest } from '../digest/build.ts';
import { nextRuns } from '../schedule/cron-times.ts';
import { ScheduleError } from '../schedule/errors.ts';
import { listAllSchedules } from '../app/schedules.ts';
import { formatTarget } from '../schedule/targets.ts';
import { canonicalTimeZone, formatInZone, isValidTimeZone } from '../schedule/timezone.ts';
import { describeFilters, takeFilters, takeThreadsOption } from '../schedule/filters.ts';
import type { Schedule } from '../schedule/types.ts';
import { parseWhen } from '../schedule/when.ts';
import type { CommandContext } from './context.ts';
import { errorReply, type Command, type Reply, type TextSection } from './types.ts';

export interface DigestCommandOptions {
  /** Folder of digests/*.yaml; the repository's digests/ by default, wherever newsbot is started from. */
  digestsDir?: string;
}

const usage = 'Usage: /digest now | /digest schedule WHEN [TIMEZONE] [include:"WORDS, NAMES"] [exclude:"WORDS"] [threads:off] | /digest list | /digest unschedule ID';
const adminOnly = 'Only admins can schedule briefings (you need Manage Server on Discord, or to be a workspace admin on Slack).';
const defaultMaxStories = 5;
const defaultDigestsDir = resolve(packageRoot, 'digests');

/**
 * `/digest now|schedule|list|unschedule`. Returns a preview (only to the caller), a
 * confirmation with the next three run times in the schedule's zone, or an error Reply that
 * names the problem; nothing is stored when the input is invalid or the caller is no admin.
 */
export async function digestCommand(command: Command, ctx: CommandContext, options: DigestCommandOptions = {}): Promise<Reply> {
  const [sub, ...rest] = command.args;
  const digestsDir = options.digestsDir ?? defaultDigestsDir;
  switch (sub?.toLowerCase()) {
    case 'now':
    case 'preview':
      return preview(command, ctx, digestsDir, rest);
    case 'schedule':
      return schedule(command, ctx, digestsDir, rest);
    case 'list':
      return list(command, ctx, digestsDir);
    case 'unschedule':
    case 'remove':
      return unschedule(command, ctx, digestsDir, rest);
    default:
      return errorReply('usage', sub ? `Unknown /digest action "${sub}".` : 'What should /digest do?', usage);
  }
}

function postsHere(schedule: Schedule, command: Command): boolean {
  return schedule.targets.some((t) => t.platform === command.channel.platform && t.id === command.channel.id);
}

async function preview(command: Command, ctx: CommandContext, digestsDir: string, rest: string[]): Promise<Reply> {
  const { schedules } = await listAllSchedules(ctx.store, digestsDir, { defaultTimezone: ctx.defaultTimezone });
  const wanted = rest[0];
  let chosen: Schedule | undefined;
  if (wanted) {
    chosen = findSchedule(schedules, wanted);
    if (!chosen) return errorReply('not_found', `No schedule "${wanted}".`, 'See the ids with /digest list, or run /digest now for this channel.');
  } else {
    chosen = schedules.find((s) => postsHere(s, command));
  }
  const subject: Schedule = chosen ?? {
    id: `preview:${formatTarget(command.channel)}`,
    title: 'Briefing',
    cron: '0 8 * * *',
    when: 'now',
    timezone: ctx.defaultTimezone,
    targets: [command.channel],
    feeds: [],
    maxStories: defaultMaxStories,
    origin: 'chat',
  };
  // A preview reads the ledger but never writes it: the next scheduled briefing still says what is new.
  const now = ctx.clock.now();
  const digest = await buildBriefing(ctx.store, subject, now);
  if (digest.stories.length === 0) {
    // Nothing since the last briefing (or in the last day): a preview still shows what is stored,
    // as start-up printed it, and says that none of it is new.
    const latest = await latestAnalyses(ctx, subject, now);
    if (latest.length > 0) {
      const older = await withStoredNames(buildDigest(latest, { now, maxStories: subject.maxStories, title: subject.title }), ctx.store);
      return { kind: 'digest', ephemeral: true, digest: { ...older, title: `Preview: ${subject.title} (nothing new in this briefing's window; the latest stored stories)` } };
    }
  }
  return { kind: 'digest', ephemeral: true, digest: { ...digest, title: `Preview: ${digest.title ?? subject.title}` } };
}

/** The schedule's latest stored articles: the last 30 days, else whatever is stored. */
async function latestAnalyses(ctx: CommandContext, schedule: Schedule, now: Date) {
  const feeds = schedule.feeds.length > 0 ? { feeds: schedule.feeds } : {};
  const month = await ctx.store.listAnalyses({ since: new Date(now.getTime() - 30 * 24 * 3_600_000).toISOString(), until: now.toISOString(), ...feeds });
  const found = month.length > 0 ? month : await ctx.store.listAnalyses({ until: now.toISOString(), ...feeds });
  // Oldest first: the newest few hundred are plenty for a five-story preview.
  return found.slice(-300);
}

function splitWhenAndZone(words: string[], defaultTimezone: string): { whenText: string; timezone: string } | Reply {
  const last = words.at(-1);
  if (words.length >= 2 && last && isValidTimeZone(last) && !/^\d/.test(last) && !/^(am|pm|noon|midnight)$/i.test(last)) {
    return { whenText: words.slice(0, -1).join(' '), timezone: canonicalTimeZone(last) };
  }
  if (last && /^[A-Za-z_]+\/[A-Za-z_+\-/]+$/.test(last)) {
    return errorReply('invalid_schedule', `"${last}" is not an IANA time zone.`, 'Use a name such as Europe/Berlin, America/New_York or UTC; nothing was scheduled.');
  }
  return { whenText: words.join(' '), timezone: defaultTimezone };
}

async function newScheduleId(ctx: CommandContext): Promise<string> {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  for (;;) {
    const id = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
    if (!(await ctx.store.getSchedule(id))) return id;
  }
}

function nextRunLines(schedule: Pick<Schedule, 'cron' | 'timezone'>, from: Date): string[] {
  return nextRuns(schedule.cron, schedule.timezone, from, 3).map((d) => formatInZone(d, schedule.timezone));
}

async function schedule(command: Command, ctx: CommandContext, digestsDir: string, words: string[]): Promise<Reply> {
  if (!command.caller.isAdmin) return errorReply('forbidden', adminOnly, 'Ask an admin (a Discord member with Manage Server, a Slack workspace admin or one listed in SLACK_ADMIN_USER_IDS) to run it.');
  if (words.length === 0) {
    return errorReply('usage', 'When should the briefing be posted?', 'Usage: /digest schedule WHEN [TIMEZONE], e.g. /digest schedule daily 08:00 Europe/Berlin or /digest schedule 0 8 * * 1-5');
  }
  const threadsOption = takeThreadsOption(words.join(' '));
  const { filters, rest } = takeFilters(threadsOption.rest);
  const split = splitWhenAndZone(rest.split(' ').filter(Boolean), ctx.defaultTimezone);
  if ('kind' in split) return split;
  let parsed: { cron: string; when: string };
  try {
    parsed = parseWhen(split.whenText, split.timezone);
  } catch (error) {
    if (error instanceof ScheduleError) return errorReply('invalid_schedule', error.message, `${error.hint} Nothing was scheduled.`);
    throw error;
  }
  const { schedules } = await listAllSchedules(ctx.store, digestsDir, { defaultTimezone: ctx.defaultTimezone });
  const same = schedules.find((s) => postsHere(s, command) && s.cron === parsed.cron && s.timezone === split.timezone && describeFilters(s.filters) === describeFilters(filters));
  if (same) {
    const remove =
      same.origin === 'file'
        ? `it comes from digests/${same.id.slice('file:'.length)}.yaml: edit or delete that file to change it`
        : `/digest unschedule ${same.id} removes it`;
    return errorReply('invalid_schedule', `This channel already gets a briefing ${same.when} (${same.timezone}) as ${same.id}.`, `Nothing was added; ${remove}.`);
  }
  const now = ctx.clock.now();
  const created: Schedule = {
    id: await newScheduleId(ctx),
    title: 'News briefing',
    cron: parsed.cron,
    when: parsed.when,
    timezone: split.timezone,
    targets: [command.channel],
    feeds: [],
    maxStories: defaultMaxStories,
    ...(filters ? { filters } : {}),
    threads: threadsOption.threads ?? true,
    origin: 'chat',
    createdBy: command.caller.id,
    createdAt: now.toISOString(),
  };
  await ctx.store.saveSchedule(created);
  ctx.onSchedulesChanged?.();
  return {
    kind: 'text',
    ephemeral: false,
    title: `Briefing scheduled: ${created.id}`,
    sections: [
      {
        lines: [
          `When: ${created.when} (cron \`${created.cron}\`) in ${created.timezone}`,
          `Posts to: ${formatTarget(command.channel)}, up to ${created.maxStories} stories`,
          ...(filters ? [`Stories: ${describeFilters(filters)}`] : []),
          threadsLine(created),
        ],
      },
      { heading: 'Next runs', lines: nextRunLines(created, now) },
      { lines: [`Remove it with /digest unschedule ${created.id}.`] },
    ],
  };
}

async function list(command: Command, ctx: CommandContext, digestsDir: string): Promise<Reply> {
  const { schedules, errors } = await listAllSchedules(ctx.store, digestsDir, { defaultTimezone: ctx.defaultTimezone });
  // The local console operator sees every schedule; a chat channel sees the ones posting to it.
  const shown = command.channel.platform === 'console' ? schedules : schedules.filter((s) => postsHere(s, command));
  const now = ctx.clock.now();
  const sections: TextSection[] = [];
  for (const s of shown) {
    const next = nextRuns(s.cron, s.timezone, now, 1)[0];
    const last = (await ctx.store.listRuns(s.id, 1))[0];
    sections.push({
      heading: `${s.id} · ${s.title}`,
      lines: [
        `${s.when} (cron \`${s.cron}\`) in ${s.timezone} → ${s.targets.map(formatTarget).join(', ')}`,
        ...(s.filters ? [`Stories: ${describeFilters(s.filters)}`] : []),
        threadsLine(s),
        `Next: ${next ? formatInZone(next, s.timezone) : 'never'}${last ? ` · last: ${last.status} for ${formatInZone(new Date(last.scheduledFor), s.timezone)}` : ''}`,
        s.origin === 'file' ? `From digests/${s.id.slice('file:'.length)}.yaml (edit the file to change it)` : `Made in chat${s.createdBy ? ` by ${s.createdBy}` : ''}`,
      ],
    });
  }
  if (shown.length === 0) sections.push({ lines: ['No briefings are scheduled here. An admin can add one: /digest schedule daily 08:00 Europe/Berlin'] });
  if (errors.length > 0) {
    sections.push({ heading: 'Digest files with mistakes (not running)', lines: errors.flatMap((e) => e.message.split('\n')) });
  }
  return { kind: 'text', ephemeral: true, title: 'Scheduled briefings', sections };
}

function threadsLine(schedule: Schedule): string {
  return schedule.threads === true
    ? 'Threads: on (a story already posted here gets its news as a reply in its thread)'
    : 'Threads: off (every story is posted in full each time)';
}

function findSchedule(schedules: Schedule[], id: string): Schedule | undefined {
  return schedules.find((s) => s.id === id) ?? schedules.find((s) => s.id === `file:${id}`);
}

async function unschedule(command: Command, ctx: CommandContext, digestsDir: string, words: string[]): Promise<Reply> {
  if (!command.caller.isAdmin) return errorReply('forbidden', adminOnly, 'Ask an admin (a Discord member with Manage Server, a Slack workspace admin or one listed in SLACK_ADMIN_USER_IDS) to run it.');
  const id = words[0];
  if (!id) return errorReply('usage', 'Which schedule?', 'Usage: /digest unschedule ID; /digest list shows the ids.');
  const { schedules } = await listAllSchedules(ctx.store, digestsDir, { defaultTimezone: ctx.defaultTimezone });
  const found = findSchedule(schedules, id);
  if (!found || (command.channel.platform !== 'console' && !postsHere(found, command))) {
    return errorReply('not_found', `No schedule "${id}" posts to this channel.`, '/digest list shows the ids of this channel\'s schedules.');
  }
  if (found.origin === 'file') {
    const name = found.id.slice('file:'.length);
    return errorReply('forbidden', `${found.id} comes from digests/${name}.yaml and cannot be removed from chat.`, `Edit or delete digests/${name}.yaml and restart newsbot.`);
  }
  await ctx.store.removeSchedule(found.id);
  ctx.onSchedulesChanged?.();
  return { kind: 'text', ephemeral: false, title: `Briefing ${found.id} removed`, sections: [{ lines: [`No more ${found.when} (${found.timezone}) briefings from it.`] }] };
}
