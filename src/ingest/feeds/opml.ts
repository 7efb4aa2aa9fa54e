import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { IngestError } from './errors.ts';

/** One feed an OPML file lists, with the folders (nested outlines) it sits in. */
export interface OpmlFeed {
  url: string;
  title?: string;
  /** Titles of the enclosing outlines, outermost first. */
  folders: string[];
  /** 1-based line of the outline in the file, for messages. */
  line?: number;
}

export interface OpmlDocument {
  title?: string;
  feeds: OpmlFeed[];
  /** Outlines that look like feeds but cannot be used (no xmlUrl), one message each. */
  problems: string[];
}

type Node = Record<string, unknown>;

const attribute = (node: Node, name: string): string | undefined => {
  const value = node[`@_${name}`];
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
};

/**
 * Reads an OPML 1.0/2.0 subscription list (the export of most feed readers). Returns every
 * outline carrying an `xmlUrl`, at any depth, with its title (`title`, else `text`) and the
 * folders it sits in; throws IngestError (E_UNREADABLE_INPUT) naming `file` and the line for malformed XML or a
 * document without `<opml><body>`.
 */
export function parseOpml(text: string, file = 'the OPML file'): OpmlDocument {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new IngestError('E_UNREADABLE_INPUT', `${file}:${valid.err.line}: not well-formed XML (${valid.err.msg}); export the list again from your feed reader`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => name === 'outline',
  });
  const root = parser.parse(text) as Node;
  const opml = root.opml as Node | undefined;
  const body = opml && typeof opml === 'object' ? (opml.body as Node | undefined) : undefined;
  if (!opml || !body || typeof body !== 'object') {
    throw new IngestError('E_UNREADABLE_INPUT', `${file}: not an OPML subscription list (no <opml><body>); give the .opml file your feed reader exported`);
  }
  const head = opml.head as Node | undefined;
  const docTitle = head && typeof head.title === 'string' ? head.title.trim() : undefined;
  const lineStarts = outlineLines(text);
  let seen = 0;
  const feeds: OpmlFeed[] = [];
  const problems: string[] = [];
  const walk = (outlines: unknown, folders: string[]) => {
    if (!Array.isArray(outlines)) return;
    for (const outline of outlines as Node[]) {
      const line = lineStarts[seen++];
      if (!outline || typeof outline !== 'object') continue;
      const named = attribute(outline, 'title') ?? attribute(outline, 'text');
      const url = attribute(outline, 'xmlUrl') ?? attribute(outline, 'xmlurl');
      const type = attribute(outline, 'type')?.toLowerCase();
      // An export without titles repeats the address as text; that is no title.
      const title = named === url ? undefined : named;
      if (url) feeds.push({ url, ...(title ? { title } : {}), folders, ...(line ? { line } : {}) });
      else if (type === 'rss' || type === 'atom') problems.push(`${file}${line ? `:${line}` : ''}: "${title ?? 'an outline'}" has no xmlUrl; skipped`);
      walk(outline.outline, url ? folders : [...folders, ...(title ? [title] : [])]);
    }
  };
  walk(body.outline, []);
  return { ...(docTitle ? { title: docTitle } : {}), feeds, problems };
}

/** Lines of every `<outline` start tag in document order, the order the parser walks them. */
function outlineLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const match of text.matchAll(/<outline\b/g)) {
    for (let i = from; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    from = match.index;
    lines.push(line);
  }
  return lines;
}

/**
 * Writes feeds as an OPML 2.0 document (`type="rss"` outlines with `text`, `title` and
 * `xmlUrl`), the form feed readers import. Attribute values are escaped.
 */
export function writeOpml(feeds: Array<{ url: string; title?: string }>, options: { title?: string; now?: Date } = {}): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });
  const outline = feeds.map((feed) => ({ '@_type': 'rss', '@_text': feed.title ?? feed.url, ...(feed.title ? { '@_title': feed.title } : {}), '@_xmlUrl': feed.url }));
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    opml: {
      '@_version': '2.0',
      head: { title: options.title ?? 'newsbot feeds', dateCreated: (options.now ?? new Date()).toUTCString() },
      body: { outline },
    },
  };
  return builder.build(document) as string;
}
