import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { DISCORD_LIMITS, packLines } from './embed-limits.ts';

/** The custom id of the "Sources" button under briefings; its handler needs nothing but the message. */
export const SOURCES_BUTTON_ID = 'newsbot:sources';
/** The embed field that lists a story's articles; continuation fields append " (continued)". */
export const SOURCES_FIELD = 'Sources';

export function sourcesButtonRow(): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Sources', custom_id: SOURCES_BUTTON_ID }],
  };
}

interface EmbedLike {
  title?: string | null;
  fields?: Array<{ name: string; value: string }>;
}

/**
 * The links of every story in a briefing message, read back from its embeds, as messages of
 * at most 2,000 characters. Stateless on purpose: any shard, any restart can answer the click.
 * Returns an empty list when the message holds no sources.
 */
export function sourcesFromEmbeds(embeds: EmbedLike[]): string[] {
  const lines: string[] = [];
  for (const embed of embeds) {
    const links = (embed.fields ?? []).filter((f) => f.name === SOURCES_FIELD || f.name.startsWith(`${SOURCES_FIELD} (continued)`));
    if (links.length === 0) continue;
    if (embed.title && !embed.title.endsWith('(continued)')) lines.push(`**${embed.title}**`);
    for (const field of links) lines.push(...field.value.split('\n'));
  }
  return lines.length === 0 ? [] : packLines(lines, DISCORD_LIMITS.content);
}
