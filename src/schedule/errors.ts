export type ScheduleErrorCode = 'E_SCHEDULE_WHEN' | 'E_SCHEDULE_TIMEZONE' | 'E_SCHEDULE_TARGET';

/** A schedule an admin wrote that newsbot cannot run; `hint` says what to write instead. */
export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
  constructor(
    readonly code: ScheduleErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
