import { DiscordAPIError, REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { commandDefinitions } from './command-definitions.ts';
import { DiscordAdapterError } from './errors.ts';

export interface RegisterOptions {
  token: string;
  appId: string;
  /** REST base override (DISCORD_API_URL), e.g. http://127.0.0.1:8080/api. */
  apiUrl?: string;
  /** Register in one server (instant; for development) instead of globally. */
  guildId?: string;
}

export interface RegisterResult {
  scope: 'guild' | 'global';
  guildId?: string;
  commands: Array<{ id: string; name: string }>;
}

/**
 * Registers newsbot's slash commands with one bulk overwrite, so running it again changes
 * nothing and commands removed from the code disappear from Discord. Returns what Discord
 * now holds; throws DiscordAdapterError with the next step when the token or id is wrong.
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.appId, options.guildId) : Routes.applicationCommands(options.appId);
  try {
    const saved = (await rest.put(route, { body: commandDefinitions() })) as RESTPutAPIApplicationCommandsResult;
    return {
      scope: options.guildId ? 'guild' : 'global',
      ...(options.guildId ? { guildId: options.guildId } : {}),
      commands: saved.map((c) => ({ id: c.id, name: c.name })),
    };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) {
      throw new DiscordAdapterError('E_DISCORD_TOKEN', 'Discord refused the bot token: copy it again from the Developer Portal (Bot > Reset Token) into DISCORD_TOKEN');
    }
    if (error instanceof DiscordAPIError && (error.code === 50001 || error.status === 403)) {
      throw new DiscordAdapterError(
        'E_DISCORD_REGISTER',
        options.guildId
          ? `Discord refused to register commands in server ${options.guildId}: invite the bot there with the applications.commands scope first (see adapters/discord/README.md)`
          : `Discord refused to register commands for application ${options.appId}: check that DISCORD_APP_ID belongs to the bot token`,
      );
    }
    throw error;
  }
}
