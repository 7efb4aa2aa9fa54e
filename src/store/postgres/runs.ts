import type { Run } from '../../schedule/types.ts';
import { runFromRow, runPatchColumns, type RunRow } from '../rows.ts';
import type { RunLedger, RunPatch } from '../runs.ts';
import type { PgContext } from './context.ts';

/**
 * The run ledger on PostgreSQL. Exactly once across instances rests on two single statements,
 * each atomic under PostgreSQL's row locking at any isolation level: the claim is an INSERT
 * that the primary key lets only one instance make (ON CONFLICT DO NOTHING tells the others
 * with a row count of 0), and every status change is an UPDATE guarded by the status it
 * expects, so of two instances resuming one claim only one moves it to `posting`.
 */
export class PgRuns implements RunLedger {
  readonly #ctx: PgContext;

  constructor(ctx: PgContext) {
    this.#ctx = ctx;
  }

  async claimRun(run: Omit<Run, 'updatedAt'>): Promise<boolean> {
    const inserted = await this.#ctx.run(
      `INSERT INTO runs(id, schedule_id, scheduled_for, target, status, message_ids_json, points_json, error, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
      [run.id, run.scheduleId, run.scheduledFor, run.target, run.status, JSON.stringify(run.messageIds), JSON.stringify(run.points), run.error ?? null, this.#ctx.now()],
    );
    return inserted === 1;
  }

  async updateRun(id: string, patch: RunPatch): Promise<void> {
    await this.#patch(id, undefined, patch);
  }

  async transitionRun(id: string, from: Run['status'], patch: RunPatch): Promise<boolean> {
    return this.#patch(id, from, patch);
  }

  async #patch(id: string, from: Run['status'] | undefined, patch: RunPatch): Promise<boolean> {
    const columns = runPatchColumns(patch, this.#ctx.now());
    const params = [...columns.map(([, v]) => v), id];
    let sql = `UPDATE runs SET ${columns.map(([c], i) => `${c} = $${i + 1}`).join(', ')} WHERE id = $${params.length}`;
    if (from !== undefined) {
      params.push(from);
      sql += ` AND status = $${params.length}`;
    }
    return (await this.#ctx.run(sql, params)) === 1;
  }

  async getRun(id: string): Promise<Run | undefined> {
    const row = await this.#ctx.row<RunRow>('SELECT * FROM runs WHERE id = $1', [id]);
    return row ? runFromRow(row) : undefined;
  }

  async listRuns(scheduleId: string, limit = 50): Promise<Run[]> {
    return (await this.#ctx.rows<RunRow>('SELECT * FROM runs WHERE schedule_id = $1 ORDER BY scheduled_for DESC, id LIMIT $2', [scheduleId, limit])).map(runFromRow);
  }

  async lastPostedRun(scheduleId: string, target?: string): Promise<Run | undefined> {
    const row = target
      ? await this.#ctx.row<RunRow>(`SELECT * FROM runs WHERE schedule_id = $1 AND target = $2 AND status = 'posted' ORDER BY scheduled_for DESC LIMIT 1`, [scheduleId, target])
      : await this.#ctx.row<RunRow>(`SELECT * FROM runs WHERE schedule_id = $1 AND status = 'posted' ORDER BY scheduled_for DESC LIMIT 1`, [scheduleId]);
    return row ? runFromRow(row) : undefined;
  }
}
