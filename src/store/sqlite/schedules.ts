import type { Schedule } from '../../schedule/types.ts';
import type { ScheduleStore } from '../schedules.ts';
import { readSchedule } from '../stored-records.ts';
import type { SqliteContext } from './context.ts';

export class SqliteSchedules implements ScheduleStore {
  readonly #ctx: SqliteContext;

  constructor(ctx: SqliteContext) {
    this.#ctx = ctx;
  }

  async saveSchedule(schedule: Schedule): Promise<void> {
    this.#ctx
      .sql(
        `INSERT INTO schedules(id, origin, data_json, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, data_json = excluded.data_json`,
      )
      .run(schedule.id, schedule.origin, JSON.stringify(schedule), schedule.createdAt ?? this.#ctx.now());
  }

  async removeSchedule(id: string): Promise<boolean> {
    return this.#ctx.sql('DELETE FROM schedules WHERE id = ?').run(id).changes > 0;
  }

  async listSchedules(): Promise<Schedule[]> {
    const rows = this.#ctx.sql('SELECT id, data_json FROM schedules ORDER BY created_at, id').all() as Array<{ id: string; data_json: string }>;
    return rows.map((r) => readSchedule(r.data_json, r.id));
  }

  async getSchedule(id: string): Promise<Schedule | undefined> {
    const row = this.#ctx.sql('SELECT data_json FROM schedules WHERE id = ?').get(id) as { data_json: string } | undefined;
    return row ? readSchedule(row.data_json, id) : undefined;
  }
}
