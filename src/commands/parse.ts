import type { CommandName } from './types.ts';
import { NewsbotError } from '../core/errors.ts';
import { closestCommand, commandNames } from './registry.ts';

export { closestCommand, commandNames } from './registry.ts';

export class CommandParseError extends NewsbotError<'E_COMMAND_PARSE'> {
  constructor(message: string) {
    super('E_COMMAND_PARSE', message);
  }
}

/** Splits words, keeping "quoted phrases" together. */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of text.matchAll(pattern)) args.push(match[1] ?? match[2] ?? match[3] ?? '');
  return args.filter((a) => a.length > 0);
}

/** Parses `/who lavrov` into its command name and arguments; throws CommandParseError naming the input. */
export function parseSlashCommand(text: string): { name: CommandName; args: string[] } {
  const trimmed = text.trim();
  const match = /^\/?([a-z]+)\b\s*(.*)$/is.exec(trimmed);
  const name = match?.[1]?.toLowerCase();
  if (!match || !name || !(commandNames as readonly string[]).includes(name)) {
    const typed = (trimmed.split(/\s+/)[0] ?? '').slice(0, 40);
    const near = closestCommand(typed);
    throw new CommandParseError(
      `Unknown command "${typed}".${near ? ` Did you mean /${near}?` : ''} Try one of: ${commandNames.map((n) => '/' + n).join(', ')}; /help shows what each does.`,
    );
  }
  return { name: name as CommandName, args: splitArgs(match[2] ?? '') };
}
