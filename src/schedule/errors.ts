import { NewsbotError } from '../core/errors.ts';

export type ScheduleErrorCode = 'E_SCHEDULE_WHEN' | 'E_SCHEDULE_TIMEZONE' | 'E_SCHEDULE_TARGET';

/** A schedule an admin wrote that newsbot cannot run; `hint` says what to write instead. */
export class ScheduleError extends NewsbotError<ScheduleErrorCode> {
  declare readonly hint: string;
  constructor(code: ScheduleErrorCode, message: string, hint: string) {
    super(code, message, { hint });
  }
}
