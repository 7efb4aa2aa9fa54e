import type { Schedule } from '../schedule/types.ts';

/** Briefing schedules made in chat or loaded from digests/*.yaml. */
export interface ScheduleStore {
  /** Inserts or replaces by id; `createdAt` defaults to the store's clock on first save. */
  saveSchedule(schedule: Schedule): void;
  removeSchedule(id: string): boolean;
  listSchedules(): Schedule[];
  getSchedule(id: string): Schedule | undefined;
}
