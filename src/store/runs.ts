import type { Run } from '../schedule/types.ts';

export type RunPatch = Partial<Omit<Run, 'id' | 'scheduleId' | 'scheduledFor'>>;

/**
 * The run ledger: one row per firing of a schedule for one target. Its two guarded writes
 * (claim by unique id, compare-and-set between statuses) are what keep a briefing posted
 * exactly once across restarts and processes.
 */
export interface RunLedger {
  /**
   * Records the intent to post a firing. Returns false when the run already exists (another
   * process or an earlier life of this one claimed it): the caller must not post.
   */
  claimRun(run: Omit<Run, 'updatedAt'>): Promise<boolean>;
  updateRun(id: string, patch: RunPatch): Promise<void>;
  /**
   * Moves a run from one status to the next only if it is still in `from` (compare-and-set);
   * returns false when another process changed it first.
   */
  transitionRun(id: string, from: Run['status'], patch: RunPatch): Promise<boolean>;
  getRun(id: string): Promise<Run | undefined>;
  /** The schedule's runs, latest firing first. */
  listRuns(scheduleId: string, limit?: number): Promise<Run[]>;
  /** The latest run of this schedule (and target) that reached the channel. */
  lastPostedRun(scheduleId: string, target?: string): Promise<Run | undefined>;
}
