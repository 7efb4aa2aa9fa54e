import type { ChannelRef } from '../core/channels.ts';
import type { Digest } from '../digest/types.ts';
import type { StoryFilters } from './filters.ts';

/** When and where a briefing is posted. */
export interface Schedule {
  /** `file:NAME` for digests/NAME.yaml, a short generated id for schedules made in chat. */
  id: string;
  title: string;
  /** A cron expression (5 fields), as node-cron runs it. */
  cron: string;
  /** What the admin typed ("daily 08:00"), echoed back in lists. */
  when: string;
  /** IANA time zone. */
  timezone: string;
  targets: ChannelRef[];
  /** Feed URLs or local paths; empty means every feed the store knows. */
  feeds: string[];
  maxStories: number;
  /** Keep or drop stories by words and people (digests/*.yaml `include:`/`exclude:`, or in chat). */
  filters?: StoryFilters;
  origin: 'file' | 'chat';
  /**
   * A story already posted to a channel gets its news as a reply in that story's thread, and a
   * line in the day's briefing. New schedules have it on; one stored before the option had none
   * and keeps posting every story in full.
   */
  threads?: boolean;
  createdBy?: string;
  createdAt?: string;
}

export type RunStatus = 'claimed' | 'posting' | 'posted' | 'missed' | 'failed' | 'skipped';

/** One firing of a schedule for one target in the run ledger; id `${scheduleId}@${scheduledFor}>${target}`. */
export interface Run {
  id: string;
  scheduleId: string;
  /** ISO time the firing was due. */
  scheduledFor: string;
  status: RunStatus;
  target: string;
  messageIds: string[];
  /** Story points this briefing posted, for "new since the last briefing". */
  points: string[];
  error?: string;
  updatedAt: string;
}

/**
 * Where briefings go: each adapter implements it for its platform. Returns the platform's
 * message ids (Slack ts, Discord message id) so the ledger can record what was posted. A
 * failure part-way through throws an error carrying `postedIds` (see PartialPostError).
 */
export interface BriefingSink {
  platform: ChannelRef['platform'];
  postBriefing(target: ChannelRef, digest: Digest): Promise<string[]>;
  /**
   * Tells the channel's admins something went wrong (a missed firing, a permission error);
   * `context.createdBy` is the platform user who made the schedule in chat, told first.
   */
  notifyAdmins?(target: ChannelRef, message: string, context?: NotifyContext): Promise<void>;
  /**
   * Posts a briefing whose `followUps` go as replies in their stories' threads and whose new
   * stories each get a message of their own, to be their threads' roots. Platforms without
   * threads leave it out and get every story in full through `postBriefing`.
   */
  postThreadedBriefing?(target: ChannelRef, digest: Digest): Promise<ThreadedPost>;
}

/** What a threaded briefing left in the channel. */
export interface ThreadedPost {
  /** Every message posted, replies included, in order: the run ledger records them. */
  messageIds: string[];
  /** Story id -> the message that told it, its thread's root from now on. */
  roots: Record<string, string>;
  /** Story id -> the thread its news went to and the replies posted there. */
  replies: Record<string, { threadId: string; messageIds: string[] }>;
}

export interface NotifyContext {
  scheduleId: string;
  createdBy?: string;
}

/** What a sink throws when a briefing failed after some of its messages were posted. */
export interface PartialPostError extends Error {
  postedIds: string[];
}

/** The message ids a failed post had already delivered, or none. */
export function postedIdsOf(error: unknown): string[] {
  const ids = (error as Partial<PartialPostError> | null)?.postedIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
