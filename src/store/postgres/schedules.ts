import type { Schedule } from '../../schedule/types.ts';
import type { ScheduleStore } from '../schedules.ts';
import { readSchedule } from '../stored-records.ts';
import type { PgContext } from './context.ts';

export class PgSchedules implements ScheduleStore {
  readonly #ctx: PgContext;

  constructor(ctx: PgContext) {
    this.#ctx = ctx;
  }

  async saveSchedule(schedule: Schedule): Promise<void> {
    await this.#ctx.run(
      `INSERT INTO schedules(id, origin, data_json, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, data_json = excluded.data_json`,
      [schedule.id, schedule.origin, JSON.stringify(schedule), schedule.createdAt ?? this.#ctx.now()],
    );
  }

  async removeSchedule(id: string): Promise<boolean> {
    return (await this.#ctx.run('DELETE FROM schedules WHERE id = $1', [id])) > 0;
  }

  async listSchedules(): Promise<Schedule[]> {
    const rows = await this.#ctx.rows<{ id: string; data_json: string }>('SELECT id, data_json FROM schedules ORDER BY created_at, id');
    return rows.map((r) => readSchedule(r.data_json, r.id));
  }

  async getSchedule(id: string): Promise<Schedule | undefined> {
    const row = await this.#ctx.row<{ data_json: string }>('SELECT data_json FROM schedules WHERE id = $1', [id]);
    return row ? readSchedule(row.data_json, id) : undefined;
  }
}
