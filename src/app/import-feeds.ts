import { parseOpml, writeOpml } from '../ingest/feeds/opml.ts';
import type { HttpLimits } from '../ingest/http/limits.ts';
import type { Store } from '../store/store.ts';
import { addFeed } from './add-feed.ts';

/** What importing an OPML file did, feed by feed; nothing is added twice. */
export interface OpmlImportReport {
  added: Array<{ url: string; title?: string; folders: string[] }>;
  /** Already followed before the import, or listed twice in the file. */
  duplicates: string[];
  /** Outlines that could not be added, one line each naming the line and the reason. */
  refused: string[];
}

export interface OpmlImportOptions {
  file?: string;
  addedBy?: string;
  /** Fetch each feed before adding it, as `feeds add` does; off by default so a long list imports at once. */
  check?: boolean;
  allowPrivateUrls?: boolean;
  limits?: Partial<HttpLimits>;
}

/**
 * Adds every feed an OPML subscription list names, at any depth, keeping its title. Returns
 * what was added, what was there already (or listed twice) and what was refused with why;
 * throws IngestError for a file that is no OPML.
 */
export async function importOpml(store: Store, text: string, options: OpmlImportOptions = {}): Promise<OpmlImportReport> {
  const file = options.file ?? 'the OPML file';
  const opml = parseOpml(text, file);
  const report: OpmlImportReport = { added: [], duplicates: [], refused: [...opml.problems] };
  for (const feed of opml.feeds) {
    const where = `${file}${feed.line ? `:${feed.line}` : ''}`;
    const result = await addFeed(store, feed.url, {
      addedBy: options.addedBy ?? 'OPML import',
      check: options.check ?? false,
      ...(feed.title ? { title: feed.title } : {}),
      ...(options.allowPrivateUrls === undefined ? {} : { allowPrivateUrls: options.allowPrivateUrls }),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    if (result.status === 'added') report.added.push({ url: result.feed.url, ...(feed.title ? { title: feed.title } : {}), folders: feed.folders });
    else if (result.status === 'exists') report.duplicates.push(`${where}: ${result.feed.url} is already followed`);
    else report.refused.push(`${where}: ${result.reason}`);
  }
  return report;
}

/** Every followed feed as an OPML 2.0 document. */
export async function exportOpml(store: Store, now: Date): Promise<string> {
  return writeOpml(await store.listFeeds(), { title: 'newsbot feeds', now });
}
