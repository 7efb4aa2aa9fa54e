import type { CommandContext } from './context.ts';
import { closestCommand, commandRegistry, type CommandInfo } from './registry.ts';
import { errorReply, type Command, type Reply, type TextSection } from './types.ts';

function whoMay(info: CommandInfo): string {
  return info.audience === 'everyone' ? 'Anyone' : `Anyone may read; only admins may ${info.adminPart ?? 'change things'}`;
}

function section(info: CommandInfo): TextSection {
  return { heading: `/${info.name} — ${info.summary}`, lines: [`Usage: ${info.usage}`, `Who: ${whoMay(info)}`, `Example: ${info.example}`] };
}

/**
 * `/help [COMMAND]`: every command with who may use it and one example, or one command's entry.
 * An unknown name gets the nearest command ("did you mean /quotes?").
 */
export function helpCommand(command: Command, _ctx?: CommandContext): Reply {
  const wanted = command.args[0]?.replace(/^\//, '').toLowerCase();
  if (wanted) {
    const info = commandRegistry.find((c) => c.name === wanted);
    if (!info) {
      const near = closestCommand(wanted);
      return errorReply('not_found', `There is no /${wanted.slice(0, 40)} command.`, near ? `Did you mean /${near}? /help lists every command.` : '/help lists every command.');
    }
    return { kind: 'text', ephemeral: true, title: `/${info.name}`, sections: [section(info)] };
  }
  const admin = command.caller.isAdmin ? 'You are an admin here: every action is open to you.' : 'Admins are Discord members with Manage Server, Slack workspace admins or those listed in SLACK_ADMIN_USER_IDS.';
  return { kind: 'text', ephemeral: true, title: 'newsbot commands', sections: [...commandRegistry.map(section), { lines: [admin] }] };
}
