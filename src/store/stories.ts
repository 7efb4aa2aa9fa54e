/** An article as a member of a stored story: enough to show the story's timeline without its analysis. */
export interface StoryMember {
  articleId: string;
  source: string;
  title: string;
  url?: string;
  /** When the article joined the story: its publication time, else when a briefing first grouped it. */
  joinedAt: string;
}

/** One briefing that showed the story in one channel, and the points it said about it. */
export interface StoryBriefing {
  runId: string;
  /** `slack:C0123`, as in the run ledger. */
  target: string;
  /** When the briefing was due (the run's `scheduledFor`). */
  at: string;
  /** `post`: the story in full in the channel; `reply`: only what was new, in the story's thread. */
  kind: 'post' | 'reply';
  points: string[];
  messageIds: string[];
}

/** Where a story's thread lives in one channel: the message that first told the story there. */
export interface StoryThread {
  target: string;
  storyId: string;
  rootMessageId: string;
  /** Discord: the thread channel started from the root message, once a reply made one. */
  threadId?: string;
}

/** A story as stored: its id stays the same while articles join it over days. */
export interface StoredStory {
  id: string;
  headline: string;
  createdAt: string;
  updatedAt: string;
  /** In the order they joined. */
  members: StoryMember[];
  /** Oldest first. */
  briefings: StoryBriefing[];
}

/** Stories with their members, the briefings that showed them, and their threads per channel. */
export interface StoryStore {
  /** The stored stories holding any of these articles, one row per (story, article). */
  storiesOfArticles(articleIds: readonly string[]): Promise<Array<{ storyId: string; articleId: string }>>;
  /**
   * Creates the story when new, else updates its headline; adds the members it does not hold
   * yet. A member already stored keeps the time it first joined.
   */
  saveStory(story: { id: string; headline: string; members: readonly StoryMember[] }): Promise<void>;
  getStory(id: string): Promise<StoredStory | undefined>;
  /** Records that a briefing showed the story; a second record for the same run is ignored. */
  recordStoryBriefing(storyId: string, briefing: StoryBriefing): Promise<void>;
  /** Keeps the first root of a story in a channel; a later save only adds the thread id. */
  saveStoryThread(thread: StoryThread): Promise<void>;
  /** The threads this channel has for the given stories. */
  storyThreads(target: string, storyIds: readonly string[]): Promise<StoryThread[]>;
}
