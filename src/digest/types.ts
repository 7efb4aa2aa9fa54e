import type { Story } from '../stories/types.ts';

/** A briefing: ranked stories, as posted to a channel or printed by `newsbot digest`. */
export interface Digest {
  /** ISO 8601. */
  generatedAt: string;
  title?: string;
  stories: Story[];
  /** Lines about the briefing itself, shown above the stories (a feed failing for a day). */
  notices?: string[];
}
