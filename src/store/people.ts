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

export interface PersonSuggestion {
  name: string;
  aliases: string[];
  role?: string;
  mentions: number;
}

/**
 * People merged across every stored analysis. Written as a side effect of saving articles
 * (see ArticleStore); read by `/who`, `/quotes` and autocomplete.
 */
export interface PeopleStore {
  /** People whose name or alias starts with `prefix` (any word of it), most mentioned first. */
  suggestPeople(prefix: string, limit?: number): Promise<PersonSuggestion[]>;
  /** The person best matching a name or alias, with the outlets that mention them. */
  getPerson(query: string): Promise<PersonProfile | undefined>;
  /** Quotes by the person best matching `query`, newest first. */
  quotesBy(query: string, limit?: number): Promise<QuoteItem[]>;
  /**
   * The name each printed form's person goes by here (a briefing shows people as `/who` does).
   * A form two people share goes to the more mentioned; forms nobody stored are left out.
   */
  canonicalNames(forms: readonly string[]): Promise<Map<string, string>>;
}
