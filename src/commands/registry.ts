import type { CommandName } from './types.ts';

/** Who may run a command: everybody, or admins only for some of its actions. */
export type CommandAudience = 'everyone' | 'admins for changes';

export interface CommandInfo {
  name: CommandName;
  summary: string;
  usage: string;
  example: string;
  audience: CommandAudience;
  /** What only admins may do, when `audience` is not everyone. */
  adminPart?: string;
}

/**
 * Every command newsbot answers, in the order `/help` lists them: name, what it does, who may
 * run it and one example. The parser, `/help` and the adapters read the names from here.
 */
export const commandRegistry: readonly CommandInfo[] = [
  { name: 'who', summary: 'a person: role, spellings, outlets and latest quotes', usage: '/who NAME', example: '/who lavrov', audience: 'everyone' },
  { name: 'quotes', summary: 'what a person said, newest first', usage: '/quotes NAME [HOW MANY]', example: '/quotes zelensky 3', audience: 'everyone' },
  { name: 'story', summary: 'how different outlets tell one story', usage: '/story WORDS', example: '/story geneva talks', audience: 'everyone' },
  {
    name: 'digest',
    summary: 'briefings: preview one now, schedule, list and remove them',
    usage: '/digest now | schedule WHEN [TIMEZONE] [include:"WORDS"] [exclude:"WORDS"] [threads:off] | list | unschedule ID',
    example: '/digest schedule daily 08:00 Europe/Berlin include:"ukraine, nato" exclude:"sport"',
    audience: 'admins for changes',
    adminPart: 'schedule and unschedule',
  },
  {
    name: 'feeds',
    summary: 'the feeds newsbot reads and their health',
    usage: '/feeds list | add URL | remove URL',
    example: '/feeds add https://example.com/rss.xml',
    audience: 'admins for changes',
    adminPart: 'add and remove',
  },
  { name: 'help', summary: 'this list', usage: '/help [COMMAND]', example: '/help digest', audience: 'everyone' },
];

export const commandNames: readonly CommandName[] = commandRegistry.map((c) => c.name);

/** Edit distance between two short words (insertions, deletions, substitutions, swaps). */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The command a mistyped name most likely meant (`/qoutes` -> quotes, `/feed` -> feeds), or
 * undefined when none is close: at most two edits, or one for names of four letters or fewer.
 */
export function closestCommand(typed: string): CommandName | undefined {
  const word = typed.replace(/^\//, '').toLowerCase();
  if (!word) return undefined;
  let best: { name: CommandName; d: number } | undefined;
  for (const name of commandNames) {
    const d = name.startsWith(word) && word.length >= 2 ? 0.5 : distance(word, name);
    if (!best || d < best.d) best = { name, d };
  }
  if (!best) return undefined;
  return best.d <= (word.length <= 4 ? 1 : 2) ? best.name : undefined;
}
