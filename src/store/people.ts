/** What the store knows of one person across every outlet: `/who` answers with it. */
export interface PersonProfile {
  name: string;
  role?: string;
  aliases: string[];
  /** Outlets that mention the person with how many of their articles do (they add up to `articleCount`), most first. */
  outlets: Array<{ source: string; mentions: number }>;
  articleCount: number;
  quoteCount: number;
  lastSeen?: string;
}

export interface QuoteItem {
  text: string;
  speaker: string;
  source: string;
  title: string;
  url?: string;
  publishedAt?: string;
}
