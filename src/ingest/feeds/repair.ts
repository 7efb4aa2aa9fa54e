import { parseHTML } from 'linkedom';

/**
 * Safe repairs for feeds that a strict XML parser refuses. Each repair only touches markup a
 * publisher got wrong (junk around the document, bare ampersands, HTML entities, control
 * characters, a truncated tail), never the text of well-formed parts.
 */

export interface RepairedXml {
  xml: string;
  /** One short phrase per repair made ("bare ampersands escaped"); empty when none was needed. */
  repairs: string[];
}

const xmlEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// XML 1.0 forbids C0 controls other than tab/newline/return, U+FFFE/U+FFFF and lone surrogates.
const invalidXmlChars = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

let entityDocument: Document | undefined;
const entityCache = new Map<string, string | undefined>();

/** The character(s) an HTML named entity stands for, or undefined when HTML has no such entity. */
function decodeHtmlEntity(name: string): string | undefined {
  if (entityCache.has(name)) return entityCache.get(name);
  entityDocument ??= parseHTML('<!doctype html><html><body></body></html>').document;
  const holder = entityDocument.createElement('div');
  holder.innerHTML = `&${name};`;
  const text = holder.textContent ?? '';
  const decoded = text === `&${name};` || text === '' ? undefined : text;
  entityCache.set(name, decoded);
  return decoded;
}

function toCharRefs(text: string): string {
  return [...text].map((char) => `&#${char.codePointAt(0)};`).join('');
}

/** Applies `fix` to the parts of the document outside CDATA sections and comments. */
function outsideCdata(xml: string, fix: (markup: string) => string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, index) => (index % 2 === 1 ? part : fix(part)))
    .join('');
}

function escapeAmpersands(markup: string): string {
  return markup.replace(/&(#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?/g, (match, reference: string | undefined) => {
    if (!reference) return '&amp;';
    if (reference.startsWith('#')) return match;
    const name = reference.slice(0, -1);
    if (xmlEntities.has(name)) return match;
    const decoded = decodeHtmlEntity(name);
    return decoded === undefined ? `&amp;${reference}` : toCharRefs(decoded);
  });
}

function escapeStrayLessThan(markup: string): string {
  // "<" followed by a space, digit or "=" cannot start a tag: it is text ("a < b", "<3").
  return markup.replace(/<(?=[\s\d=])/g, '&lt;');
}

interface OpenTags {
  stack: string[];
  /** Offset just after the last complete closing tag of an item/entry, or -1. */
  lastItemEnd: number;
  /** Offset just after the last complete closing tag of any element, or -1. */
  lastCloseEnd: number;
}

/** Scans tags to know which elements are still open (for closing a truncated document). */
function scanTags(xml: string): OpenTags {
  const stack: string[] = [];
  let lastItemEnd = -1;
  let lastCloseEnd = -1;
  const token = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  for (let match = token.exec(xml); match; match = token.exec(xml)) {
    const [, closing, name, , selfClosing] = match;
    if (!name) continue;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      lastCloseEnd = token.lastIndex;
      if (/^(item|entry)$/i.test(name) && at >= 0) lastItemEnd = token.lastIndex;
    } else if (!selfClosing) {
      stack.push(name);
    }
  }
  return { stack, lastItemEnd, lastCloseEnd };
}

/** The open elements at `offset`, outermost first. */
function openElementsAt(xml: string, offset: number): string[] {
  return scanTags(xml.slice(0, offset)).stack;
}

/**
 * Repairs common feed breakage. Returns the repaired text and what was repaired; the caller
 * decides whether the result parses. Never resolves or adds entity declarations.
 */
export function repairXml(input: string): RepairedXml {
  const repairs: string[] = [];
  let xml = input;

  const firstTag = xml.indexOf('<');
  if (firstTag > 0) {
    xml = xml.slice(firstTag);
    repairs.push('text before the document removed');
  }
  // An XML declaration is only legal as the very first thing; later ones (after a comment) go.
  const declaration = /<\?xml\s[^?]*\?>/i.exec(xml);
  if (declaration && declaration.index > 0) {
    xml = xml.slice(0, declaration.index) + xml.slice(declaration.index + declaration[0].length);
    repairs.push('misplaced XML declaration removed');
  }
  // A DOCTYPE may declare entities; a feed never needs them and they are a known attack.
  const withoutDoctype = xml.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, '');
  if (withoutDoctype !== xml) {
    xml = withoutDoctype;
    repairs.push('DOCTYPE removed');
  }

  const cleaned = xml.replace(invalidXmlChars, '');
  if (cleaned !== xml) {
    xml = cleaned;
    repairs.push('invalid characters removed');
  }

  const escaped = outsideCdata(xml, (markup) => escapeStrayLessThan(escapeAmpersands(markup)));
  if (escaped !== xml) {
    xml = escaped;
    repairs.push('bare ampersands and HTML entities escaped');
  }

  const root = /<([A-Za-z_][\w:.-]*)[\s>]/.exec(xml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, (m) => ' '.repeat(m.length)));
  const rootName = root?.[1];
  if (rootName) {
    const closing = `</${rootName}>`;
    const end = xml.lastIndexOf(closing);
    if (end >= 0) {
      const after = end + closing.length;
      if (xml.slice(after).trim() !== '') {
        xml = xml.slice(0, after);
        repairs.push('junk after the document removed');
      }
    } else {
      const { lastItemEnd, lastCloseEnd } = scanTags(xml);
      const cut = lastItemEnd >= 0 ? lastItemEnd : lastCloseEnd >= 0 ? lastCloseEnd : (root?.index ?? 0) + (root?.[0].length ?? 0);
      const open = openElementsAt(xml, cut);
      // A truncated document keeps whatever precedes its last complete element.
      xml = xml.slice(0, cut) + open.reverse().map((name) => `</${name}>`).join('');
      repairs.push('truncated document closed');
    }
  }
  return { xml, repairs };
}

/** The character offset of a sax error ("Line: 12\nColumn: 40"), or undefined when it names none. */
export function errorOffset(xml: string, message: string): number | undefined {
  const match = /Line:\s*(\d+)\s*Column:\s*(\d+)/i.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  let offset = 0;
  for (let current = 0; current < line; current++) {
    const next = xml.indexOf('\n', offset);
    if (next < 0) return xml.length;
    offset = next + 1;
  }
  return Math.min(xml.length, offset + Number(match[2]));
}

/**
 * Cuts the document before the item (or entry) that holds `offset` and closes what is still
 * open, so every item before a damaged one survives. Returns undefined when no item starts
 * before the damage.
 */
export function cutBeforeDamage(xml: string, offset: number): string | undefined {
  const before = xml.slice(0, offset);
  const itemStart = Math.max(before.lastIndexOf('<item'), before.lastIndexOf('<entry'));
  if (itemStart <= 0) return undefined;
  const kept = xml.slice(0, itemStart);
  return kept + openElementsAt(kept, kept.length).reverse().map((name) => `</${name}>`).join('');
}
