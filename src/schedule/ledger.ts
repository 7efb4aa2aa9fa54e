import type { ChannelRef } from '../core/channels.ts';
import { formatTarget } from './targets.ts';

/** The run id of one firing for one target: the same firing always gets the same id, in every process. */
export function runIdFor(scheduleId: string, scheduledFor: Date, target: ChannelRef): string {
  return `${scheduleId}@${scheduledFor.toISOString()}>${formatTarget(target)}`;
}
