import type { ChannelRef, Platform } from '../core/channels.ts';
import { ScheduleError } from './errors.ts';

const idPatterns: Record<Platform, { pattern: RegExp; example: string }> = {
  slack: { pattern: /^[A-Z][A-Z0-9]{3,}$/, example: 'slack:C0123ABCD (the channel id, from the channel details)' },
  discord: { pattern: /^\d{5,21}$/, example: 'discord:1234567890123456789 (right-click the channel, Copy Channel ID)' },
  console: { pattern: /^[\w.-]+$/, example: 'console:main' },
};

/** `slack:C0123`; the form targets take in digest files and the run ledger. */
export function formatTarget(target: ChannelRef): string {
  return `${target.platform}:${target.id}`;
}

/** Reads `slack:C0123`, `discord:1234567890`, `console:main`; throws ScheduleError saying which form is expected. */
export function parseTarget(text: string): ChannelRef {
  const match = /^(slack|discord|console):(.+)$/.exec(text.trim());
  const hint = `Write slack:C0123ABCD, discord:1234567890123456789 or console:main.`;
  if (!match) throw new ScheduleError('E_SCHEDULE_TARGET', `"${text}" is not a target.`, hint);
  const platform = match[1] as Platform;
  const id = match[2] as string;
  const rule = idPatterns[platform];
  if (!rule.pattern.test(id)) throw new ScheduleError('E_SCHEDULE_TARGET', `"${text}" is not a ${platform} channel id.`, `Write ${rule.example}.`);
  return { platform, id };
}
