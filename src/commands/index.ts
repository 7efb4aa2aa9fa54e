import type { CommandContext } from './context.ts';
import { digestCommand } from './digest.ts';
import { feedsCommand } from './feeds.ts';
import { CommandParseError, parseSlashCommand } from './parse.ts';
import { quotesCommand } from './quotes.ts';
import { storyCommand } from './story.ts';
import { errorReply, type Caller, type ChannelRef, type Command, type Reply } from './types.ts';
import { whoCommand } from './who.ts';

export { parseSlashCommand, splitArgs, CommandParseError } from './parse.ts';
export type { CommandContext } from './context.ts';

/**
 * Runs one command and returns its Reply. Never throws: unexpected failures become an
 * ephemeral error Reply, so a bad command cannot take an adapter down.
 */
export async function runCommand(command: Command, ctx: CommandContext): Promise<Reply> {
  try {
    switch (command.name) {
      case 'who':
        return await whoCommand(command, ctx);
      case 'quotes':
        return await quotesCommand(command, ctx);
      case 'story':
        return await storyCommand(command, ctx);
      case 'digest':
        return await digestCommand(command, ctx);
      case 'feeds':
        return await feedsCommand(command, ctx);
    }
  } catch (error) {
    return errorReply('internal', `/${command.name} failed: ${(error as Error).message}`, 'Try again; if it keeps failing, ask an admin to check the logs.');
  }
}

/** Parses and runs a typed slash command (`/who lavrov`), for the console and `newsbot ask`. */
export async function runSlashText(text: string, caller: Caller, channel: ChannelRef, ctx: CommandContext): Promise<Reply> {
  let parsed: ReturnType<typeof parseSlashCommand>;
  try {
    parsed = parseSlashCommand(text);
  } catch (error) {
    if (error instanceof CommandParseError) return errorReply('usage', error.message);
    throw error;
  }
  return runCommand({ ...parsed, caller, channel }, ctx);
}
