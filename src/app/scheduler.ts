import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../core/clock.ts';
import type { ChannelRef } from '../core/channels.ts';
import type { Digest } from '../digest/types.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import type { Store } from '../store/store.ts';
import { digestPoints } from '../digest/points.ts';
import { buildBriefing } from './build-briefing.ts';
import { firingsBetween, nextRuns } from '../schedule/cron-times.ts';
import { loadDigestFiles } from '../schedule/digest-files.ts';
import { runIdFor } from '../schedule/ledger.ts';
import { syncFileSchedules } from './schedules.ts';
import { formatTarget } from '../schedule/targets.ts';
import { formatInZone, isValidTimeZone } from '../schedule/timezone.ts';
import { postedIdsOf, type BriefingSink, type Run, type RunStatus, type Schedule, type ThreadedPost } from '../schedule/types.ts';
import { threadBriefing } from '../digest/threads.ts';

export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  sinks: BriefingSink[];
  /** Folder of digests/*.yaml; its valid files are mirrored into the store beside chat schedules. */
  digestsDir?: string;
  /** Zone for digest files without `timezone` (NEWSBOT_TZ, else UTC). */
  defaultTimezone?: string;
  /** Polls a schedule's feeds; called after the firing is claimed, so only the process that posts does it. */
  refreshFeeds?: (schedule: Schedule) => Promise<void>;
  /** Builds the briefing; `buildBriefing` over the store unless a caller needs otherwise. */
  build?: (store: Store, schedule: Schedule, now: Date) => Promise<Digest> | Digest;
  /**
   * Hands a due firing to the job queue shared by several instances instead of running it here;
   * the instance that takes the job calls `runQueuedFiring`. Unset, this process runs it.
   */
  dispatch?: (scheduleId: string, scheduledFor: Date) => Promise<void>;
  /** A firing this late or less still runs at start-up; older ones are recorded missed. Default 6 h. */
  graceMs?: number;
  /**
   * Other processes add and remove schedules in the same store (Discord shard processes beside
   * this one): re-read them every minute. Implied by `dispatch`.
   */
  schedulesChangeElsewhere?: boolean;
  logger?: Logger;
}

/**
 * What happened to one firing for one target; `taken` means another process (or an earlier life)
 * had it, `queued` that it was sent to the job queue for whichever instance is free.
 */
export interface FiringOutcome {
  runId: string;
  scheduleId: string;
  scheduledFor: string;
  target: string;
  status: RunStatus | 'taken' | 'queued';
  error?: string;
}

const hourMs = 3_600_000;
/** How far back start-up looks for firings of a schedule the ledger has never seen run. */
const maxLookbackMs = 7 * 24 * hourMs;
/** Missed firings recorded one by one; beyond this the admins get a count, the ledger the newest ones. */
const maxMissedRecorded = 24;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs briefings on time and exactly once per firing and target.
 *
 * Every firing has a ledger id (schedule + due time + target). A process posts only after
 * `claimRun` inserted that id (an atomic insert: one winner across processes), sets
 * `posting` just before the platform call and `posted` with the message ids after. At
 * start-up, `catchUp` finishes claims that never reached `posting`, marks runs stuck in
 * `posting` as failed without posting again (the platform may already show them), and runs
 * a firing missed while down once if it is within the grace window, else records it missed
 * and tells the channel's admins.
 *
 * With a job queue (`dispatch`, several instances on PostgreSQL) every instance computes the
 * same due firings and sends each as one job; the instance that takes it claims and posts
 * through the same ledger (`runQueuedFiring`). Runs left half done by an instance that died are
 * settled by the job's retry on another instance, not at start-up: a starting instance cannot
 * tell a run left `posting` by a dead instance from one a live instance is posting right now.
 */
export class Scheduler {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #sinks: Map<ChannelRef['platform'], BriefingSink>;
  readonly #options: SchedulerOptions;
  readonly #graceMs: number;
  readonly #log: Logger;
  readonly #build: (store: Store, schedule: Schedule, now: Date) => Promise<Digest> | Digest;
  /** Per schedule: firings up to this time have been handled by this process. */
  readonly #handledUntil = new Map<string, number>();
  /** Per schedule: the tail of its work, so one schedule never runs twice at once. */
  readonly #chains = new Map<string, Promise<unknown>>();
  #schedules: Schedule[] = [];
  /** What the stored schedules looked like at the last load, to notice changes made elsewhere. */
  #storedSignature = '';
  /** The latest load of the schedules; every pass over them waits for it first. */
  #loaded: Promise<void> | undefined;
  #tasks: ScheduledTask[] = [];
  #started = false;

  constructor(options: SchedulerOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#clock = options.clock;
    this.#sinks = new Map(options.sinks.map((sink) => [sink.platform, sink]));
    this.#graceMs = options.graceMs ?? 6 * hourMs;
    this.#log = options.logger ?? silentLogger;
    this.#build = options.build ?? buildBriefing;
    void this.reload().catch((error: unknown) => this.#log.error(`loading the schedules failed: ${errorText(error)}`));
  }

  /** Resolves once the schedules of the latest `reload` (the constructor's, at first) are loaded. */
  async ready(): Promise<void> {
    await this.#loaded;
  }

  /** The schedules this scheduler runs, as last loaded (see `ready`). */
  get schedules(): readonly Schedule[] {
    return this.#schedules;
  }

  /**
   * Re-reads digest files and stored schedules (call after a chat command changed them); re-arms
   * the timers when started. Passes over the schedules started after this call wait for it.
   */
  reload(): Promise<void> {
    const previous = this.#loaded ?? Promise.resolve();
    const loading = previous.then(
      () => this.#load(),
      () => this.#load(),
    );
    this.#loaded = loading;
    return loading;
  }

  async #load(): Promise<void> {
    const { digestsDir } = this.#options;
    if (digestsDir !== undefined) {
      const files = loadDigestFiles(digestsDir, this.#options.defaultTimezone ? { defaultTimezone: this.#options.defaultTimezone } : {});
      for (const error of files.errors) this.#log.warn(`${error.message} (this digest file is ignored until it is fixed)`);
      await syncFileSchedules(this.#store, files.schedules, this.#clock.now());
    }
    const stored = await this.#store.listSchedules();
    this.#storedSignature = signatureOf(stored);
    // One unreadable stored schedule must not stop the others.
    this.#schedules = stored.filter((schedule) => {
      const runnable = schedule.cron.trim().split(/\s+/).length === 5 && cron.validate(schedule.cron) && isValidTimeZone(schedule.timezone);
      if (!runnable) this.#log.error(`schedule ${schedule.id} is not run: cron "${schedule.cron}" in "${schedule.timezone}" is invalid; remove it with /digest unschedule ${schedule.id}`);
      return runnable;
    });
    if (this.#started) this.#armTimers();
  }

  /**
   * Start-up pass: settles runs an earlier process left half done, then handles every firing
   * since each schedule's last ledger entry. Returns what happened to each firing it touched.
   */
  async catchUp(now: Date = this.#clock.now()): Promise<FiringOutcome[]> {
    await this.#loaded;
    this.#handledUntil.clear();
    const results = await Promise.all(this.#schedules.map((schedule) => this.#serial(schedule.id, () => this.#catchUpSchedule(schedule, now))));
    return results.flat();
  }

  /**
   * Handles every firing due since the last call (the cron callback and tests both call it).
   * Returns what happened to each firing it touched; an empty list when nothing was due.
   */
  async runDueFirings(now: Date = this.#clock.now()): Promise<FiringOutcome[]> {
    await this.#loaded;
    // Firings are taken inside the schedule's chain, so two calls never take the same firing.
    const work = this.#schedules.map((schedule) =>
      this.#serial(schedule.id, async () => {
        const firings = await this.#takeFirings(schedule, now);
        return firings.length === 0 ? [] : this.#handleFirings(schedule, firings, now);
      }),
    );
    return (await Promise.all(work)).flat();
  }

  /** Runs catch-up, then arms one node-cron task per schedule in its own time zone. */
  async start(): Promise<FiringOutcome[]> {
    const outcomes = await this.catchUp();
    this.#started = true;
    this.#armTimers();
    return outcomes;
  }

  /** Stops the timers and waits for briefings being posted right now. */
  async stop(): Promise<void> {
    this.#started = false;
    for (const task of this.#tasks) await task.destroy();
    this.#tasks = [];
    await this.idle();
  }

  /** Resolves when no briefing work is in flight. */
  async idle(): Promise<void> {
    while (true) {
      const pending = [...this.#chains.values()];
      await Promise.allSettled(pending);
      if ([...this.#chains.values()].every((p, i) => p === pending[i]) && this.#chains.size === pending.length) return;
    }
  }

  #armTimers(): void {
    for (const task of this.#tasks) void task.destroy();
    this.#tasks = [];
    const tick = (scheduledAt?: Date) => {
      const clockNow = this.#clock.now();
      const now = scheduledAt && scheduledAt > clockNow ? scheduledAt : clockNow;
      this.runDueFirings(now).catch((error: unknown) => this.#log.error(`scheduled briefing failed: ${errorText(error)}`));
    };
    // node-cron logs to the console by default, which would mix into the console adapter's output.
    const logger = {
      info: (m: string) => this.#log.debug(`node-cron: ${m}`),
      debug: (m: string | Error) => this.#log.debug(`node-cron: ${errorText(m)}`),
      warn: (m: string) => this.#log.warn(`node-cron: ${m}`),
      error: (m: string | Error) => this.#log.error(`node-cron: ${errorText(m)}`),
    };
    for (const schedule of this.#schedules) {
      this.#tasks.push(cron.schedule(schedule.cron, (context) => tick(context.date), { timezone: schedule.timezone, name: `briefing ${schedule.id}`, logger }));
    }
    // node-cron's own daylight-saving rules differ from ours (a 02:30 on spring-forward day);
    // a once-a-minute sweep catches every firing our rules add, and the ledger stops doubles.
    const sweep = () => {
      if (!this.#options.dispatch && !this.#options.schedulesChangeElsewhere) return tick();
      // Schedules made in chat reach only the process that answered; the others find them here.
      this.#reloadWhenStoredChanged()
        .catch((error: unknown) => this.#log.error(`reloading the schedules failed: ${errorText(error)}`))
        .finally(() => tick());
    };
    this.#tasks.push(cron.schedule('* * * * *', sweep, { timezone: 'UTC', name: 'briefing sweep', logger }));
  }

  async #reloadWhenStoredChanged(): Promise<void> {
    if (signatureOf(await this.#store.listSchedules()) !== this.#storedSignature) await this.reload();
  }

  #serial<T>(scheduleId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#chains.get(scheduleId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.#chains.set(scheduleId, tail);
    void tail.then(() => {
      if (this.#chains.get(scheduleId) === tail) this.#chains.delete(scheduleId);
    });
    return next;
  }

  /** Firings of `schedule` in (last handled, now], marking them handled; called inside the schedule's chain. */
  async #takeFirings(schedule: Schedule, now: Date): Promise<Date[]> {
    const after = this.#handledUntil.get(schedule.id) ?? (await this.#ledgerHorizon(schedule, now));
    if (now.getTime() <= after) return [];
    this.#handledUntil.set(schedule.id, now.getTime());
    return firingsBetween(schedule.cron, schedule.timezone, new Date(after), now);
  }

  /** The time up to which the ledger has settled this schedule: its newest run, else its creation, else now. */
  async #ledgerHorizon(schedule: Schedule, now: Date): Promise<number> {
    const latest = (await this.#store.listRuns(schedule.id, 1))[0];
    const known = [latest?.scheduledFor, schedule.createdAt].filter((t): t is string => t !== undefined).map((t) => Date.parse(t));
    if (known.length === 0) return now.getTime();
    return Math.min(now.getTime(), Math.max(...known, now.getTime() - maxLookbackMs));
  }

  async #catchUpSchedule(schedule: Schedule, now: Date): Promise<FiringOutcome[]> {
    const outcomes: FiringOutcome[] = [];
    const leftovers = this.#options.dispatch ? [] : (await this.#store.listRuns(schedule.id, 200)).filter((run) => run.status === 'claimed' || run.status === 'posting');
    const firings = await this.#takeFirings(schedule, now);
    const latestDue = firings.filter((f) => now.getTime() - f.getTime() <= this.#graceMs).at(-1);

    for (const run of leftovers.filter((r) => r.status === 'posting')) {
      // The platform may or may not show this post; a second copy is worse than a missing one.
      const error = 'newsbot stopped while posting this briefing, so it may not have arrived; it is not posted again, so it can never arrive twice';
      await this.#store.updateRun(run.id, { status: 'failed', error });
      outcomes.push(outcome(run, 'failed', error));
      await this.#notify(schedule, run.target, `The briefing "${schedule.title}" due ${formatInZone(new Date(run.scheduledFor), schedule.timezone)} may not have arrived: newsbot stopped while posting it. It was not posted again to avoid a duplicate; use /digest now for a preview.`);
    }

    const claimedByFiring = new Map<string, Run[]>();
    for (const run of leftovers.filter((r) => r.status === 'claimed')) {
      claimedByFiring.set(run.scheduledFor, [...(claimedByFiring.get(run.scheduledFor) ?? []), run]);
    }
    for (const [scheduledFor, runs] of claimedByFiring) {
      const due = Date.parse(scheduledFor);
      if (now.getTime() - due > this.#graceMs) {
        const error = `newsbot stopped before posting and restarted more than ${this.#graceMs / hourMs} h later`;
        for (const run of runs) {
          await this.#store.updateRun(run.id, { status: 'missed', error });
          outcomes.push(outcome(run, 'missed', error));
          await this.#notify(schedule, run.target, `The briefing "${schedule.title}" due ${formatInZone(new Date(due), schedule.timezone)} was missed: ${error}.`);
        }
      } else if (latestDue && latestDue.getTime() > due) {
        const error = `covered by the catch-up briefing for ${latestDue.toISOString()}`;
        for (const run of runs) {
          await this.#store.updateRun(run.id, { status: 'skipped', error });
          outcomes.push(outcome(run, 'skipped', error));
        }
      } else {
        outcomes.push(...(await this.#deliverAll(schedule, runs, now)));
      }
    }
    outcomes.push(...(await this.#handleFirings(schedule, firings, now)));
    return outcomes;
  }

  async #handleFirings(schedule: Schedule, firings: Date[], now: Date): Promise<FiringOutcome[]> {
    const outcomes: FiringOutcome[] = [];
    const due = firings.filter((f) => now.getTime() - f.getTime() <= this.#graceMs);
    const late = firings.filter((f) => now.getTime() - f.getTime() > this.#graceMs);
    if (late.length > 0) outcomes.push(...(await this.#recordMissed(schedule, late, now)));
    const latest = due.at(-1);
    if (!latest) return outcomes;
    for (const older of due.slice(0, -1)) {
      outcomes.push(...(await this.#claimAll(schedule, older, 'skipped', `covered by the catch-up briefing for ${latest.toISOString()}`)));
    }
    if (this.#options.dispatch) {
      await this.#options.dispatch(schedule.id, latest);
      outcomes.push(...schedule.targets.map((target) => outcome(this.#runOf(schedule, latest, target), 'queued')));
      return outcomes;
    }
    const claimed = await this.#claimAll(schedule, latest, 'claimed');
    outcomes.push(...claimed.filter((o) => o.status === 'taken'));
    const mine: Run[] = [];
    for (const o of claimed) {
      const run = o.status === 'claimed' ? await this.#store.getRun(o.runId) : undefined;
      if (run) mine.push(run);
    }
    if (mine.length > 0) outcomes.push(...(await this.#deliverAll(schedule, mine, now)));
    return outcomes;
  }

  #runOf(schedule: Schedule, scheduledFor: Date, target: ChannelRef) {
    return { id: runIdFor(schedule.id, scheduledFor, target), scheduleId: schedule.id, scheduledFor: scheduledFor.toISOString(), target: formatTarget(target) };
  }

  async #claimAll(schedule: Schedule, scheduledFor: Date, status: RunStatus, error?: string): Promise<FiringOutcome[]> {
    const outcomes: FiringOutcome[] = [];
    for (const target of schedule.targets) {
      const run = { ...this.#runOf(schedule, scheduledFor, target), status, messageIds: [], points: [], ...(error ? { error } : {}) };
      outcomes.push(outcome(run, (await this.#store.claimRun(run)) ? status : 'taken', error));
    }
    return outcomes;
  }

  /**
   * Runs one firing taken from the job queue: claims it for each target and posts where the
   * claim is new. On a retry (`attempt` > 0) it also settles what the lost try left: a run still
   * `claimed` is posted (compare-and-set, so never by two instances), a run left `posting` is
   * marked failed and never posted again, and the admins are told. A schedule removed since
   * the firing was sent does nothing.
   */
  async runQueuedFiring(job: { scheduleId: string; scheduledFor: string }, attempt = 0, now: Date = this.#clock.now()): Promise<FiringOutcome[]> {
    await this.#loaded;
    // The schedule may have been made on another instance since this one loaded its list.
    const schedule = this.#schedules.find((s) => s.id === job.scheduleId) ?? (await this.#store.getSchedule(job.scheduleId));
    if (!schedule) return [];
    const firing = new Date(job.scheduledFor);
    return this.#serial(schedule.id, async () => {
      if (now.getTime() - firing.getTime() > this.#graceMs) return this.#recordMissed(schedule, [firing], now);
      const outcomes: FiringOutcome[] = [];
      const mine: Run[] = [];
      for (const claim of await this.#claimAll(schedule, firing, 'claimed')) {
        const run = await this.#store.getRun(claim.runId);
        if (!run) continue;
        if (claim.status === 'claimed' || (attempt > 0 && run.status === 'claimed')) {
          mine.push(run);
        } else if (attempt > 0 && run.status === 'posting') {
          const error = 'the instance posting this briefing stopped, so it may not have arrived; it is not posted again, so it can never arrive twice';
          if (await this.#store.transitionRun(run.id, 'posting', { status: 'failed', error })) {
            outcomes.push(outcome(run, 'failed', error));
            await this.#notify(schedule, run.target, `The briefing "${schedule.title}" due ${formatInZone(firing, schedule.timezone)} may not have arrived: the instance posting it stopped. It was not posted again to avoid a duplicate; use /digest now for a preview.`);
          }
        } else {
          outcomes.push(outcome(run, 'taken'));
        }
      }
      if (mine.length > 0) outcomes.push(...(await this.#deliverAll(schedule, mine, now)));
      return outcomes;
    });
  }

  async #recordMissed(schedule: Schedule, late: Date[], now: Date): Promise<FiringOutcome[]> {
    const error = `newsbot was not running, and it is more than ${this.#graceMs / hourMs} h late to post`;
    const recorded: FiringOutcome[] = [];
    for (const firing of late.slice(-maxMissedRecorded)) recorded.push(...(await this.#claimAll(schedule, firing, 'missed', error)));
    const first = late[0] as Date;
    const last = late.at(-1) as Date;
    const next = nextRuns(schedule.cron, schedule.timezone, now, 1)[0];
    const what =
      late.length === 1
        ? `The briefing "${schedule.title}" due ${formatInZone(first, schedule.timezone)} was missed`
        : `${late.length} briefings "${schedule.title}" due between ${formatInZone(first, schedule.timezone)} and ${formatInZone(last, schedule.timezone)} were missed`;
    const message = `${what}: ${error}.${next ? ` The next one is due ${formatInZone(next, schedule.timezone)}.` : ''}`;
    // Only the process that recorded the miss tells the admins, so they hear it once.
    const toldTargets = new Set(recorded.filter((o) => o.status === 'missed').map((o) => o.target));
    for (const target of toldTargets) await this.#notify(schedule, target, message);
    return recorded;
  }

  /** Builds the firing's briefing once and posts it to each claimed target. */
  async #deliverAll(schedule: Schedule, runs: Run[], now: Date): Promise<FiringOutcome[]> {
    if (this.#options.refreshFeeds) {
      try {
        await this.#options.refreshFeeds(schedule);
      } catch (error) {
        this.#log.warn(`briefing ${schedule.id}: refreshing its feeds failed (${errorText(error)}); posting what is stored`);
      }
    }
    let digest: Digest;
    try {
      digest = await this.#build(this.#store, schedule, now);
    } catch (error) {
      const message = `building the briefing failed: ${errorText(error)}`;
      const outcomes: FiringOutcome[] = [];
      for (const run of runs) {
        await this.#store.updateRun(run.id, { status: 'failed', error: message });
        outcomes.push(outcome(run, 'failed', message));
        await this.#notify(schedule, run.target, `The briefing "${schedule.title}" could not be built (${errorText(error)}); check the logs.`);
      }
      return outcomes;
    }
    const outcomes: FiringOutcome[] = [];
    for (const run of runs) outcomes.push(await this.#deliver(schedule, run, digest));
    return outcomes;
  }

  async #deliver(schedule: Schedule, run: Run, digest: Digest): Promise<FiringOutcome> {
    const target = parseRunTarget(run.target);
    const sink = target ? this.#sinks.get(target.platform) : undefined;
    if (!target || !sink) {
      const error = `no ${target?.platform ?? run.target} connection is running; configure it (see .env.example) or remove this target`;
      await this.#store.updateRun(run.id, { status: 'failed', error });
      this.#log.warn(`briefing ${schedule.id} -> ${run.target}: ${error}`);
      return outcome(run, 'failed', error);
    }
    const threaded = schedule.threads === true && sink.postThreadedBriefing !== undefined;
    const briefing = threaded ? await this.#threadedFor(schedule, run, digest) : digest;
    // Compare-and-set right before posting: if another process resumed this claim, it is theirs.
    // Replies in threads are posted under the same run, so they too are posted at most once.
    if (!(await this.#store.transitionRun(run.id, 'claimed', { status: 'posting' }))) return outcome(run, 'taken');
    let posted: ThreadedPost;
    try {
      posted = threaded && sink.postThreadedBriefing ? await sink.postThreadedBriefing(target, briefing) : { messageIds: await sink.postBriefing(target, digest), roots: {}, replies: {} };
    } catch (error) {
      const message = `posting failed: ${errorText(error)}; not retried, so the briefing can never arrive twice`;
      await this.#store.updateRun(run.id, { status: 'failed', error: message, messageIds: postedIdsOf(error) });
      this.#log.warn(`briefing ${schedule.id} -> ${run.target}: ${message}`);
      await this.#notify(schedule, run.target, `The briefing "${schedule.title}" could not be posted here (${errorText(error)}). Check the bot's permissions in this channel.`);
      return outcome(run, 'failed', message);
    }
    await this.#store.updateRun(run.id, { status: 'posted', messageIds: posted.messageIds, points: digestPoints(digest), error: undefined });
    this.#log.info(`briefing ${schedule.id} posted to ${run.target}`);
    try {
      await this.#recordStories(run, briefing, posted);
    } catch (error) {
      // The briefing is in the channel and the ledger says so; only timelines and threads miss it.
      this.#log.warn(`briefing ${schedule.id} -> ${run.target}: posted, but its stories' threads could not be recorded (${errorText(error)})`);
    }
    return outcome(run, 'posted');
  }

  /** The briefing as this run's channel gets it: stories it has a thread for become follow-ups. */
  async #threadedFor(schedule: Schedule, run: Run, digest: Digest): Promise<Digest> {
    const threads = await this.#store.storyThreads(run.target, digest.stories.map((story) => story.id));
    const previous = await this.#store.lastPostedRun(schedule.id, run.target);
    const refs = new Map(threads.map((t) => [t.storyId, t.threadId === undefined ? { rootMessageId: t.rootMessageId } : { rootMessageId: t.rootMessageId, threadId: t.threadId }]));
    return threadBriefing(digest, refs, previous?.scheduledFor);
  }

  /** Each story's part in the posted briefing (its timeline) and, for a new story, its thread's root. */
  async #recordStories(run: Run, briefing: Digest, posted: ThreadedPost): Promise<void> {
    for (const story of briefing.stories) {
      const root = posted.roots[story.id];
      await this.#store.recordStoryBriefing(story.id, {
        runId: run.id,
        target: run.target,
        at: run.scheduledFor,
        kind: 'post',
        points: digestPoints({ generatedAt: briefing.generatedAt, stories: [story] }),
        messageIds: root === undefined ? posted.messageIds : [root],
      });
      if (root !== undefined) await this.#store.saveStoryThread({ target: run.target, storyId: story.id, rootMessageId: root });
    }
    for (const followUp of briefing.followUps ?? []) {
      const reply = posted.replies[followUp.story.id];
      if (reply === undefined) continue;
      await this.#store.recordStoryBriefing(followUp.story.id, { runId: run.id, target: run.target, at: run.scheduledFor, kind: 'reply', points: followUp.story.new, messageIds: reply.messageIds });
      await this.#store.saveStoryThread({ target: run.target, storyId: followUp.story.id, rootMessageId: followUp.thread.rootMessageId, threadId: reply.threadId });
    }
  }

  async #notify(schedule: Schedule, targetText: string, message: string): Promise<void> {
    const target = parseRunTarget(targetText);
    const sink = target ? this.#sinks.get(target.platform) : undefined;
    this.#log.warn(`${targetText}: ${message}`);
    if (!target || !sink?.notifyAdmins) return;
    try {
      await sink.notifyAdmins(target, message, { scheduleId: schedule.id, ...(schedule.createdBy ? { createdBy: schedule.createdBy } : {}) });
    } catch (error) {
      this.#log.warn(`could not tell the admins of ${targetText}: ${errorText(error)}`);
    }
  }
}

function signatureOf(schedules: readonly Schedule[]): string {
  return JSON.stringify(schedules.map((s) => [s.id, s.cron, s.timezone, s.targets, s.feeds, s.maxStories, s.filters ?? null, s.title]).sort());
}

function parseRunTarget(text: string): ChannelRef | undefined {
  const match = /^(slack|discord|console):(.+)$/.exec(text);
  return match ? { platform: match[1] as ChannelRef['platform'], id: match[2] as string } : undefined;
}

function outcome(run: Pick<Run, 'id' | 'scheduleId' | 'scheduledFor' | 'target'>, status: FiringOutcome['status'], error?: string): FiringOutcome {
  return { runId: run.id, scheduleId: run.scheduleId, scheduledFor: run.scheduledFor, target: run.target, status, ...(error ? { error } : {}) };
}
