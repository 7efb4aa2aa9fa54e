import { closestCommand, commandNames, splitArgs } from '../../src/commands/parse.ts';
import type { Command, CommandName } from '../../src/commands/types.ts';
import { plainCommandText } from './escape.ts';

/** The fields of Slack's slash-command payload newsbot reads. */
export interface SlashPayload {
  command: string;
  text: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
}

/**
 * Every slash command the app answers: `/who`, `/quotes`, `/story`, `/digest`, `/feeds`, `/help`, the
 * same names with a `news-` prefix (for workspaces where a name is taken) and `/newsbot WHAT …`.
 */
export const slashCommandPattern = /^\/(?:newsbot|(?:news-?)?(?:who|quotes|story|digest|feeds|help))$/i;

function isCommandName(word: string | undefined): word is CommandName {
  return word !== undefined && (commandNames as readonly string[]).includes(word);
}

/** Returns the command name and words a payload asks for, or undefined when it names no command. */
export function readSlashCommand(payload: Pick<SlashPayload, 'command' | 'text'>): { name: CommandName; args: string[] } | undefined {
  const slash = payload.command.replace(/^\//, '').toLowerCase().replace(/^news-?(?!bot)/, '');
  const args = splitArgs(plainCommandText(payload.text));
  if (slash === 'newsbot') {
    const [first, ...rest] = args;
    const name = first?.replace(/^\//, '').toLowerCase();
    return isCommandName(name) ? { name, args: rest } : undefined;
  }
  return isCommandName(slash) ? { name: slash, args } : undefined;
}

/** Commands whose handlers refuse some subcommands to non-admins, so the caller must be checked first. */
export function needsAdminCheck(name: CommandName): boolean {
  return name === 'digest' || name === 'feeds';
}

/** The line Slack users see for a command newsbot does not know, with the nearest one it does. */
export function unknownCommandText(payload: Pick<SlashPayload, 'command' | 'text'>): string {
  const slash = payload.command.replace(/^\//, '').toLowerCase();
  const word = slash === 'newsbot' ? (splitArgs(plainCommandText(payload.text))[0] ?? '') : slash.replace(/^news-?/, '');
  const near = closestCommand(word);
  const typed = `${payload.command} ${payload.text}`.trim().slice(0, 80);
  return `Unknown command "${typed}".${near ? ` Did you mean /${near}?` : ''} Try /help for every command.`;
}

/** Builds the neutral Command for a payload already read by readSlashCommand. */
export function toCommand(payload: SlashPayload, parsed: { name: CommandName; args: string[] }, isAdmin: boolean): Command {
  return {
    name: parsed.name,
    args: parsed.args,
    caller: { id: payload.user_id, ...(payload.user_name ? { name: payload.user_name } : {}), isAdmin },
    channel: { platform: 'slack', id: payload.channel_id },
  };
}
