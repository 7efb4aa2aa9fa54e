import type { ChannelRef } from '../core/channels.ts';
import type { Digest } from '../digest/types.ts';
import type { PersonProfile, QuoteItem } from '../store/people.ts';

export type { ChannelRef, Platform } from '../core/channels.ts';
export type { PersonProfile, QuoteItem } from '../store/people.ts';

export interface Caller {
  id: string;
  name?: string;
  /** Checked by the adapter on the platform (Discord: Manage Server; Slack: admin or allow-list). */
  isAdmin: boolean;
}

export type CommandName = 'who' | 'quotes' | 'story' | 'digest' | 'feeds' | 'help';

/** A parsed slash command, independent of the platform it was typed on. */
export interface Command {
  name: CommandName;
  /** Words after the command name, e.g. ["schedule", "daily", "08:00", "Europe/Berlin"]. */
  args: string[];
  caller: Caller;
  channel: ChannelRef;
}

export interface TextSection {
  heading?: string;
  lines: string[];
}

/** A platform-neutral answer; adapters render it (Markdown, Block Kit, embeds). */
export type Reply =
  | { kind: 'text'; ephemeral: boolean; title?: string; sections: TextSection[] }
  | { kind: 'profile'; ephemeral: boolean; profile: PersonProfile; quotes: QuoteItem[] }
  | { kind: 'quotes'; ephemeral: boolean; query: string; speaker?: string; quotes: QuoteItem[] }
  | { kind: 'digest'; ephemeral: boolean; digest: Digest }
  | { kind: 'error'; ephemeral: true; code: ReplyErrorKind; message: string; hint?: string };

/** What kind of refusal a reply is; adapters pick wording and colour from it (not a NewsbotError code). */
export type ReplyErrorKind =
  | 'usage'
  | 'not_found'
  | 'forbidden'
  | 'invalid_schedule'
  | 'invalid_feed'
  | 'internal';

export function errorReply(code: ReplyErrorKind, message: string, hint?: string): Reply {
  return hint === undefined ? { kind: 'error', ephemeral: true, code, message } : { kind: 'error', ephemeral: true, code, message, hint };
}
