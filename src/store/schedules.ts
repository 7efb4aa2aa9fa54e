import type { Schedule } from '../schedule/types.ts';

/** Briefing schedules made in chat or loaded from digests/*.yaml. */
export interface ScheduleStore {
  /** Inserts or replaces by id; `createdAt` defaults to the store's clock on first save. */
  saveSchedule(schedule: Schedule): Promise<void>;
  removeSchedule(id: string): Promise<boolean>;
  listSchedules(): Promise<Schedule[]>;
  getSchedule(id: string): Promise<Schedule | undefined>;
}
