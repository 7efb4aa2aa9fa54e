import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

const anywhere = [InteractionContextType.Guild, InteractionContextType.BotDM];

/**
 * The slash commands newsbot registers, as Discord's JSON. /digest and /feeds are hidden from
 * members without Manage Server by default; server admins may widen that in Integrations.
 */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const who = new SlashCommandBuilder()
    .setName('who')
    .setDescription('Who is this person? Role, spellings, outlets and recent quotes')
    .setContexts(anywhere)
    .addStringOption((o) => o.setName('name').setDescription('A name or spelling, e.g. Lavrov').setRequired(true).setAutocomplete(true).setMaxLength(100));

  const quotes = new SlashCommandBuilder()
    .setName('quotes')
    .setDescription('What a person said, newest first')
    .setContexts(anywhere)
    .addStringOption((o) => o.setName('name').setDescription('A name or spelling, e.g. Zelensky').setRequired(true).setAutocomplete(true).setMaxLength(100))
    .addIntegerOption((o) => o.setName('limit').setDescription('How many quotes (default 5)').setMinValue(1).setMaxValue(25));

  const story = new SlashCommandBuilder()
    .setName('story')
    .setDescription('How different outlets tell a story')
    .setContexts(anywhere)
    .addStringOption((o) => o.setName('words').setDescription('Words from the story, e.g. Lavrov Geneva talks').setRequired(true).setMaxLength(200));

  const digest = new SlashCommandBuilder()
    .setName('digest')
    .setDescription('Briefings for this channel')
    .setContexts([InteractionContextType.Guild])
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) => s.setName('now').setDescription('Show the briefing of the latest stories now'))
    .addSubcommand((s) =>
      s
        .setName('schedule')
        .setDescription('Post a briefing here on a schedule')
        .addStringOption((o) => o.setName('when').setDescription('"daily 08:00", "weekdays 07:30" or a cron expression').setRequired(true).setMaxLength(100))
        .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin').setMaxLength(64))
        .addStringOption((o) => o.setName('include').setDescription('Only stories with these words or people, e.g. ukraine, nato').setMaxLength(500))
        .addStringOption((o) => o.setName('exclude').setDescription('Never stories with these words or people, e.g. sport').setMaxLength(500))
        .addBooleanOption((o) => o.setName('threads').setDescription('Post news of a story already here as a reply in its thread (default: yes)')),
    )
    .addSubcommand((s) => s.setName('list').setDescription('Show the briefings scheduled here'))
    .addSubcommand((s) =>
      s
        .setName('unschedule')
        .setDescription('Stop a scheduled briefing')
        .addStringOption((o) => o.setName('id').setDescription('The id shown by /digest list').setRequired(true).setMaxLength(100)),
    );

  const feeds = new SlashCommandBuilder()
    .setName('feeds')
    .setDescription('The news feeds newsbot reads')
    .setContexts([InteractionContextType.Guild])
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Read a new RSS or Atom feed')
        .addStringOption((o) => o.setName('url').setDescription('The feed URL').setRequired(true).setMaxLength(2000)),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Stop reading a feed')
        .addStringOption((o) => o.setName('url').setDescription('The feed URL').setRequired(true).setMaxLength(2000)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('Show the feeds and their health'));

  const help = new SlashCommandBuilder()
    .setName('help')
    .setDescription('Every newsbot command, who may use it, and an example')
    .setContexts(anywhere)
    .addStringOption((o) => o.setName('command').setDescription('One command, e.g. digest').setMaxLength(40));

  return [who, quotes, story, digest, feeds, help].map((builder) => builder.toJSON());
}
