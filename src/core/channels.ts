export type Platform = 'console' | 'slack' | 'discord';

/** Where a command was typed or a briefing goes: `slack:C0123`, `discord:1234567890`, `console:main`. */
export interface ChannelRef {
  platform: Platform;
  id: string;
}
