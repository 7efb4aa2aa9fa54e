export interface StoryArticleRef {
  id: string;
  title: string;
  source: string;
  url?: string;
  publishedAt?: string;
}

export interface AgreedPoint {
  point: string;
  sources: string[];
}

export interface StoryPerson {
  name: string;
  role?: string;
  aliases: string[];
}

export interface StoryQuote {
  text: string;
  speaker: string;
  source: string;
  url?: string;
}

/** One moment in a story's life: an article joining it, or a briefing telling it. */
export type StoryTimelineEntry =
  | { at: string; kind: 'joined'; source: string; title: string; url?: string; firstFromSource: boolean }
  | { at: string; kind: 'briefing'; target: string; reply: boolean; points: string[] };

/** Articles from one or more outlets that tell the same event, compared. */
export interface Story {
  /** Stable across runs for the same first article, so briefings can say what is new. */
  id: string;
  headline: string;
  articles: StoryArticleRef[];
  summary: string[];
  agreed: AgreedPoint[];
  onlyIn: Record<string, string[]>;
  /** Points not in the previous briefing of the same schedule. */
  new: string[];
  people: StoryPerson[];
  quotes: StoryQuote[];
  /** Latest publishedAt among the articles (ISO), when known. */
  updatedAt?: string;
  /** Oldest first: when each outlet joined and what each briefing said (`/story` sets it). */
  timeline?: StoryTimelineEntry[];
}
