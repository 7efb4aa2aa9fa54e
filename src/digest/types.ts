import type { Story, StoryArticleRef } from '../stories/types.ts';

/** A briefing: ranked stories, as posted to a channel or printed by `newsbot digest`. */
export interface Digest {
  /** ISO 8601. */
  generatedAt: string;
  title?: string;
  stories: Story[];
  /** Lines about the briefing itself, shown above the stories (a feed failing for a day). */
  notices?: string[];
  /**
   * Stories the channel already has a thread for (a threaded schedule): their news goes to the
   * thread and the briefing names each in one line. `stories` then holds only the new ones.
   */
  followUps?: FollowUp[];
}

/** Where a story's thread is in one channel, in the platform's ids. */
export interface ThreadRef {
  /** The message that first told the story (Slack ts, Discord message id). */
  rootMessageId: string;
  /** Discord: the thread channel started from that message, once there is one. */
  threadId?: string;
}

/** A story told before in this channel: what is new goes as a reply in its thread. */
export interface FollowUp {
  story: Story;
  thread: ThreadRef;
  /** Its articles published since the channel's last briefing. */
  newArticles: StoryArticleRef[];
}
