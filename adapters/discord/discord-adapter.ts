import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Routes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type RESTPostAPIChannelMessageResult,
} from 'discord.js';
import type { Command, Reply } from '../../src/commands/types.ts';
import { errorReply } from '../../src/commands/types.ts';
import type { Config } from '../../src/config.ts';
import type { Digest } from '../../src/digest/types.ts';
import { silentLogger, type Logger } from '../../src/core/logger.ts';
import type { BriefingSink, ThreadedPost } from '../../src/schedule/types.ts';
import type { PersonSuggestion } from '../../src/store/store.ts';
import { DISCORD_LIMITS, splitText } from './embed-limits.ts';
import { DiscordAdapterError, explainPostError, isPermissionError } from './errors.ts';
import { interactionToCommand } from './interaction-command.ts';
import { renderDigest, renderFollowUp, renderReply, renderThreadedDigest, threadName, type RenderedMessage } from './render.ts';
import { SOURCES_BUTTON_ID, sourcesFromEmbeds } from './sources-button.ts';

export interface DiscordAdapterOptions {
  config: NonNullable<Config['discord']>;
  handleCommand: (command: Command) => Promise<Reply>;
  suggestPeople: (prefix: string, limit: number) => Promise<PersonSuggestion[]>;
  log?: Logger;
  /**
   * How long a command may run before newsbot defers its answer. Discord drops an interaction
   * not answered within 3 s; commands known to be slow defer at once.
   */
  deferAfterMs?: number;
}

export interface DiscordAdapter {
  client: Client;
  /** Logs in and resolves once the gateway reports ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
  sink: BriefingSink;
}

/** Article text may contain @everyone or <@id>: nobody is ever pinged by what newsbot posts. */
const NO_MENTIONS = { parse: [] as [] };
/** Discord's answer when a thread was already started from the message (Thread Already Created For Message). */
const threadAlreadyCreated = 160004;
const AUTOCOMPLETE_CHOICES = 25;
const CHOICE_LENGTH = 100;

/** Commands that build briefings or search the whole store: always deferred. */
function isSlow(command: Command): boolean {
  return command.name === 'story' || (command.name === 'digest' && command.args[0] === 'now');
}

/** What a deferred answer most likely is: admin tools answer privately, lookups publicly. */
function likelyEphemeral(command: Command): boolean {
  return command.name === 'digest' || command.name === 'feeds';
}

/** "Volodymyr Zelenskyy, Ukrainian President — also Volodymyr Zelensky": what the member sees in the picker. */
function choiceLabel(person: PersonSuggestion): string {
  const base = person.role ? `${person.name}, ${person.role}` : person.name;
  // An alias made only of words already shown ("Zelenskyy" beside "Volodymyr Zelenskyy") adds nothing.
  const shown = new Set(person.name.toLowerCase().split(/\s+/));
  const aliases: string[] = [];
  for (const alias of person.aliases) {
    const words = alias.toLowerCase().split(/\s+/);
    if (words.every((w) => shown.has(w))) continue;
    aliases.push(alias);
    for (const w of words) shown.add(w);
  }
  const label = aliases.length > 0 ? `${base} — also ${aliases.join(', ')}` : base;
  return label.length <= CHOICE_LENGTH ? label : label.slice(0, CHOICE_LENGTH - 1).trimEnd() + '…';
}

function editPayload(message: RenderedMessage) {
  return { content: message.content ?? '', embeds: message.embeds, components: message.components ?? [], allowedMentions: NO_MENTIONS };
}

function interactionPayload(message: RenderedMessage, ephemeral: boolean) {
  return ephemeral ? { ...editPayload(message), flags: MessageFlags.Ephemeral as const } : editPayload(message);
}

/**
 * Connects newsbot to Discord: slash commands and autocomplete in, replies and briefings out.
 * Holds no state of its own beyond the discord.js client, so it runs unchanged in every shard
 * a ShardingManager spawns. The sink posts through REST, so it works for any channel the bot
 * can see, whichever shard holds its server.
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { config, handleCommand, suggestPeople } = options;
  const log = options.log ?? silentLogger;
  const deferAfterMs = options.deferAfterMs ?? 1500;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: config.apiUrl ? { api: config.apiUrl } : {},
  });
  // The sink posts through REST; setting the token here lets it work before or without the gateway.
  client.rest.setToken(config.token);

  client.on(Events.Error, (error) => log.error(`discord: ${error.message}`));
  client.on(Events.Warn, (message) => log.warn(`discord: ${message}`));
  client.on(Events.InteractionCreate, (interaction) => {
    void onInteraction(interaction).catch((error: unknown) => {
      log.error(`discord: answering an interaction failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return answerAutocomplete(interaction);
    if (interaction.isChatInputCommand()) return answerCommand(interaction);
    if (interaction.isButton() && interaction.customId === SOURCES_BUTTON_ID) return answerSources(interaction);
  }

  async function answerSources(interaction: ButtonInteraction): Promise<void> {
    const [first, ...rest] = sourcesFromEmbeds(interaction.message.embeds);
    await interaction.reply(interactionPayload({ content: first ?? 'This message lists no sources.', embeds: [] }, true));
    for (const content of rest) await interaction.followUp(interactionPayload({ content, embeds: [] }, true));
  }

  async function answerAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'name') return interaction.respond([]);
    const seen = new Set<string>();
    const choices: Array<{ name: string; value: string }> = [];
    for (const person of await suggestPeople(String(focused.value).trim(), AUTOCOMPLETE_CHOICES)) {
      const value = person.name.slice(0, CHOICE_LENGTH);
      if (seen.has(value)) continue;
      seen.add(value);
      choices.push({ name: choiceLabel(person), value });
    }
    await interaction.respond(choices.slice(0, AUTOCOMPLETE_CHOICES));
  }

  async function runSafely(command: Command): Promise<Reply> {
    try {
      return await handleCommand(command);
    } catch (error) {
      log.error(`discord: /${command.name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return errorReply('internal', `/${command.name} failed on newsbot's side.`, 'Try again in a minute; if it keeps failing, ask an admin to check the logs.');
    }
  }

  async function answerCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = interactionToCommand(interaction);
    if (!command) {
      const reply = errorReply('usage', `newsbot does not know /${interaction.commandName}.`, 'An admin can refresh the commands with `newsbot discord register`.');
      return sendReply(interaction, reply);
    }
    const deferNote = { ephemeral: likelyEphemeral(command) };
    const defer = () => interaction.deferReply(deferNote.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    if (isSlow(command)) {
      // Defer before the work starts: building a briefing is synchronous and would hold the defer back.
      await defer();
      return sendReply(interaction, await runSafely(command), deferNote);
    }
    const pending = runSafely(command);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deferAfterMs)));
    const first = await Promise.race([pending, late]);
    clearTimeout(timer);
    if (first !== 'late') return sendReply(interaction, first);
    await defer();
    return sendReply(interaction, await pending, deferNote);
  }

  /** Answers with the rendered reply; `deferred` says how the "thinking" note was shown, if one was. */
  async function sendReply(interaction: ChatInputCommandInteraction, reply: Reply, deferred?: { ephemeral: boolean }): Promise<void> {
    const { ephemeral, messages } = renderReply(reply);
    const [first, ...rest] = messages;
    if (!first) return;
    if (!deferred) {
      await interaction.reply(interactionPayload(first, ephemeral));
    } else if (deferred.ephemeral === ephemeral) {
      await interaction.editReply(editPayload(first));
    } else {
      // An edit cannot change who sees a message (an error must stay private), so the note is replaced.
      await interaction.deleteReply();
      await interaction.followUp(interactionPayload(first, ephemeral));
    }
    for (const message of rest) await interaction.followUp(interactionPayload(message, ephemeral));
  }

  async function postMessage(channelId: string, message: RenderedMessage): Promise<string> {
    const body = { content: message.content, embeds: message.embeds, components: message.components ?? [], allowed_mentions: NO_MENTIONS };
    const posted = (await client.rest.post(Routes.channelMessages(channelId), { body })) as RESTPostAPIChannelMessageResult;
    return posted.id;
  }

  /**
   * Starts a thread from a story's message and returns its id (the message's, as Discord gives a
   * thread started from a message). One that already exists (an earlier run made it, then
   * stopped before recording it) is used as it is.
   */
  async function startThread(channelId: string, messageId: string, name: string): Promise<string> {
    try {
      const thread = (await client.rest.post(Routes.threads(channelId, messageId), { body: { name, auto_archive_duration: 10080 } })) as { id: string };
      return thread.id;
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === threadAlreadyCreated) return messageId;
      throw error;
    }
  }

  /** The server a channel is in, for links to its threads; none when Discord does not say. */
  async function guildOf(channelId: string): Promise<string | undefined> {
    const cached = client.channels.cache.get(channelId);
    if (cached && 'guildId' in cached) return cached.guildId;
    try {
      return ((await client.rest.get(Routes.channel(channelId))) as { guild_id?: string }).guild_id;
    } catch (error) {
      log.warn(`discord: could not look up the server of channel ${channelId} (${(error as Error).message}); the briefing names its threads without links`);
      return undefined;
    }
  }

  const sink: BriefingSink = {
    platform: 'discord',

    async postThreadedBriefing(target, digest: Digest) {
      if (target.platform !== 'discord') {
        throw new DiscordAdapterError('E_DISCORD_CHANNEL', `The Discord sink cannot post to ${target.platform}:${target.id}; route that target to its own platform.`);
      }
      const followUps = digest.followUps ?? [];
      const guildId = followUps.length > 0 ? await guildOf(target.id) : undefined;
      // A thread started from a message has that message's id.
      const rendered = renderThreadedDigest(digest, (f) => (guildId === undefined ? undefined : `https://discord.com/channels/${guildId}/${f.thread.threadId ?? f.thread.rootMessageId}`));
      const result: ThreadedPost = { messageIds: [], roots: {}, replies: {} };
      try {
        for (const message of rendered.intro) result.messageIds.push(await postMessage(target.id, message));
        for (const story of rendered.stories) {
          for (const [index, message] of story.messages.entries()) {
            const id = await postMessage(target.id, message);
            result.messageIds.push(id);
            if (index === 0) result.roots[story.storyId] = id;
          }
        }
        for (const followUp of followUps) {
          const threadId = followUp.thread.threadId ?? (await startThread(target.id, followUp.thread.rootMessageId, threadName(followUp.story)));
          const replies: string[] = [];
          for (const message of renderFollowUp(followUp)) {
            const id = await postMessage(threadId, message);
            replies.push(id);
            result.messageIds.push(id);
          }
          result.replies[followUp.story.id] = { threadId, messageIds: replies };
        }
      } catch (error) {
        const explained = explainPostError(error, target.id);
        if (result.messageIds.length > 0) explained.message += ` (${result.messageIds.length} message(s) of this briefing were posted before the failure: ${result.messageIds.join(', ')})`;
        explained.postedIds = [...result.messageIds];
        log.error(`discord: ${explained.message}`);
        throw explained;
      }
      return result;
    },

    async postBriefing(target, digest: Digest) {
      if (target.platform !== 'discord') {
        throw new DiscordAdapterError('E_DISCORD_CHANNEL', `The Discord sink cannot post to ${target.platform}:${target.id}; route that target to its own platform.`);
      }
      const ids: string[] = [];
      for (const message of renderDigest(digest)) {
        try {
          ids.push(await postMessage(target.id, message));
        } catch (error) {
          const explained = explainPostError(error, target.id);
          if (ids.length > 0) explained.message += ` (${ids.length} message(s) of this briefing were posted before the failure: ${ids.join(', ')})`;
          explained.postedIds = [...ids];
          log.error(`discord: ${explained.message}`);
          throw explained;
        }
      }
      return ids;
    },

    async notifyAdmins(target, message, context) {
      const text = `⚠️ newsbot: ${message}`;
      const postText = async (channelId: string, content: string) => {
        for (const piece of splitText(content, DISCORD_LIMITS.content)) await postMessage(channelId, { content: piece, embeds: [] });
      };
      // The admin who scheduled the briefing hears it first, in a direct message.
      if (context?.createdBy && /^\d{15,22}$/.test(context.createdBy)) {
        try {
          const dm = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: context.createdBy } })) as { id: string };
          await postText(dm.id, `${text} (channel <#${target.id}>)`);
          return;
        } catch (error) {
          log.warn(`discord: could not message ${context.createdBy}, who scheduled the briefing: ${(error as Error).message}`);
        }
      }
      try {
        await postText(target.id, text);
        return;
      } catch (error) {
        if (!isPermissionError(explainPostError(error, target.id))) log.warn(`discord: could not warn in channel ${target.id}: ${(error as Error).message}`);
      }
      // The channel itself is closed to the bot: tell the server owner directly.
      try {
        const channel = (await client.rest.get(Routes.channel(target.id))) as { guild_id?: string };
        if (!channel.guild_id) throw new Error('the channel is not in a server');
        const guild = (await client.rest.get(Routes.guild(channel.guild_id))) as { owner_id: string; name?: string };
        const dm = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: guild.owner_id } })) as { id: string };
        const where = guild.name ? ` (server ${guild.name})` : '';
        await postText(dm.id, `${text}${where}`);
      } catch (error) {
        log.error(`discord: nobody could be told about channel ${target.id}: ${message} (${(error as Error).message})`);
      }
    },
  };

  return {
    client,
    sink,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(config.token);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'TokenInvalid' || (error as { status?: unknown }).status === 401) {
          throw new DiscordAdapterError('E_DISCORD_TOKEN', 'Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot > Reset Token)', { cause: error });
        }
        throw new DiscordAdapterError('E_DISCORD_CONNECT', `Could not connect to Discord: ${(error as Error).message}. Check the network (and DISCORD_API_URL, if set).`, { cause: error });
      }
      await ready;
      log.info(`discord: connected as ${client.user?.tag ?? 'newsbot'} in ${client.guilds.cache.size} server(s)`);
    },
    async stop() {
      await client.destroy();
    },
  };
}
