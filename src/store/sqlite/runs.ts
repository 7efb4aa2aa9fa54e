import type { Run } from '../../schedule/types.ts';
import { runFromRow, runPatchColumns, type RunRow } from '../rows.ts';
import type { RunLedger, RunPatch } from '../runs.ts';
import type { SqliteContext } from './context.ts';

/** The run ledger on SQLite: the unique id and a guarded UPDATE make claims and transitions atomic across processes on one file. */
export class SqliteRuns implements RunLedger {
  readonly #ctx: SqliteContext;

  constructor(ctx: SqliteContext) {
    this.#ctx = ctx;
  }

  async claimRun(run: Omit<Run, 'updatedAt'>): Promise<boolean> {
    const result = this.#ctx
      .sql(
        `INSERT INTO runs(id, schedule_id, scheduled_for, target, status, message_ids_json, points_json, error, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
      )
      .run(run.id, run.scheduleId, run.scheduledFor, run.target, run.status, JSON.stringify(run.messageIds), JSON.stringify(run.points), run.error ?? null, this.#ctx.now());
    return result.changes === 1;
  }

  async updateRun(id: string, patch: RunPatch): Promise<void> {
    this.#patch(id, undefined, patch);
  }

  async transitionRun(id: string, from: Run['status'], patch: RunPatch): Promise<boolean> {
    return this.#patch(id, from, patch);
  }

  #patch(id: string, from: Run['status'] | undefined, patch: RunPatch): boolean {
    const columns = runPatchColumns(patch, this.#ctx.now());
    const guard = from === undefined ? '' : ' AND status = ?';
    const result = this.#ctx.db
      .prepare(`UPDATE runs SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?${guard}`)
      .run(...columns.map(([, v]) => v), id, ...(from === undefined ? [] : [from]));
    return result.changes === 1;
  }

  async getRun(id: string): Promise<Run | undefined> {
    const row = this.#ctx.sql('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row ? runFromRow(row) : undefined;
  }

  async listRuns(scheduleId: string, limit = 50): Promise<Run[]> {
    return (this.#ctx.sql('SELECT * FROM runs WHERE schedule_id = ? ORDER BY scheduled_for DESC, id LIMIT ?').all(scheduleId, limit) as RunRow[]).map(runFromRow);
  }

  async lastPostedRun(scheduleId: string, target?: string): Promise<Run | undefined> {
    const row = (
      target
        ? this.#ctx.sql(`SELECT * FROM runs WHERE schedule_id = ? AND target = ? AND status = 'posted' ORDER BY scheduled_for DESC LIMIT 1`).get(scheduleId, target)
        : this.#ctx.sql(`SELECT * FROM runs WHERE schedule_id = ? AND status = 'posted' ORDER BY scheduled_for DESC LIMIT 1`).get(scheduleId)
    ) as RunRow | undefined;
    return row ? runFromRow(row) : undefined;
  }
}
