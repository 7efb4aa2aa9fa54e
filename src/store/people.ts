/** What the store knows of one person across every outlet: `/who` answers with it. */
export interface PersonProfile {
  name: string;
  role?: string;
  aliases: string[];
  /** Outlets that mention the person, most mentions first. */
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
