import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Command, CommandName } from '../../src/commands/types.ts';

const commandNames: readonly string[] = ['who', 'quotes', 'story', 'digest', 'feeds', 'help'] satisfies CommandName[];

const words = (text: string | null): string[] => (text ?? '').trim().split(/\s+/).filter(Boolean);

/**
 * Turns a slash command interaction into a neutral Command, with the same args the typed form
 * (`/quotes trump 3`) would give. Admin rights come from the member's permissions in this
 * channel at the moment of use, not from the command's default visibility, which servers can change.
 * Returns undefined for a command newsbot does not know (a stale registration).
 */
export function interactionToCommand(interaction: ChatInputCommandInteraction): Command | undefined {
  if (!commandNames.includes(interaction.commandName)) return undefined;
  const name = interaction.commandName as CommandName;
  const options = interaction.options;
  let args: string[];
  switch (name) {
    case 'who':
      args = words(options.getString('name'));
      break;
    case 'quotes': {
      const limit = options.getInteger('limit');
      args = [...words(options.getString('name')), ...(limit === null ? [] : [String(limit)])];
      break;
    }
    case 'story':
      args = words(options.getString('words'));
      break;
    case 'help':
      args = words(options.getString('command'));
      break;
    case 'digest':
    case 'feeds': {
      const sub = options.getSubcommand(false);
      const rest = [options.getString('when'), options.getString('timezone'), options.getString('id'), options.getString('url')].flatMap(words);
      // Filters travel as the typed form does: include:"ukraine, nato".
      const filters = (['include', 'exclude'] as const).flatMap((key) => {
        const value = name === 'digest' ? options.getString(key) : null;
        return value?.trim() ? [`${key}:"${value.replace(/"/g, '')}"`] : [];
      });
      const threads = name === 'digest' ? options.getBoolean('threads') : null;
      const threadsArg = threads === null ? [] : [`threads:${threads ? 'on' : 'off'}`];
      args = sub ? [sub, ...rest, ...filters, ...threadsArg] : [...rest, ...filters, ...threadsArg];
      break;
    }
  }
  const displayName = interaction.member && 'displayName' in interaction.member ? interaction.member.displayName : interaction.user.globalName;
  return {
    name,
    args,
    caller: {
      id: interaction.user.id,
      name: displayName ?? interaction.user.username,
      isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    },
    channel: { platform: 'discord', id: interaction.channelId },
  };
}
