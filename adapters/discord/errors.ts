import { NewsbotError } from '../../src/core/errors.ts';
import { DiscordAPIError } from 'discord.js';

export type DiscordErrorCode = 'E_DISCORD_FORBIDDEN' | 'E_DISCORD_CHANNEL' | 'E_DISCORD_TOKEN' | 'E_DISCORD_REGISTER' | 'E_DISCORD_POST' | 'E_DISCORD_CONNECT';

/** A Discord failure with a code and a message that says what to do next. */
export class DiscordAdapterError extends NewsbotError<DiscordErrorCode> {
  /** Messages of a briefing already posted when this error stopped it. */
  postedIds: string[] = [];
  constructor(code: DiscordErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

/** Discord's JSON error codes for a channel the bot cannot see or cannot write to. */
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;
const UNKNOWN_CHANNEL = 10003;

/**
 * Explains a failed post to a channel. Permission problems name the channel and the
 * permissions to grant; anything else keeps Discord's own message.
 */
export function explainPostError(error: unknown, channelId: string): DiscordAdapterError {
  if (error instanceof DiscordAdapterError) return error;
  const where = `channel <#${channelId}> (${channelId})`;
  if (error instanceof DiscordAPIError) {
    if (error.code === MISSING_ACCESS || error.code === MISSING_PERMISSIONS) {
      const what = error.code === MISSING_ACCESS ? 'Missing Access' : 'Missing Permissions';
      return new DiscordAdapterError(
        'E_DISCORD_FORBIDDEN',
        `newsbot cannot post in ${where}: ${what} (${error.code}). Give the newsbot role View Channel, Send Messages and Embed Links there (with threads on, also Create Public Threads and Send Messages in Threads), or schedule the briefing in another channel.`,
        { cause: error },
      );
    }
    if (error.code === UNKNOWN_CHANNEL) {
      return new DiscordAdapterError('E_DISCORD_CHANNEL', `Discord does not know ${where}: it was deleted or the bot left the server; unschedule briefings for it with /digest unschedule.`, {
        cause: error,
      });
    }
    return new DiscordAdapterError('E_DISCORD_POST', `Discord refused a post to ${where}: ${error.message} (${error.code})`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DiscordAdapterError('E_DISCORD_POST', `Posting to ${where} failed: ${message}. Check that Discord is reachable from this machine (and DISCORD_API_URL, if set).`, { cause: error });
}

export function isPermissionError(error: unknown): boolean {
  return error instanceof DiscordAdapterError && (error.code === 'E_DISCORD_FORBIDDEN' || error.code === 'E_DISCORD_CHANNEL');
}
