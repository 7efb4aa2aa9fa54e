/** Elements that start a new paragraph; text inside any other element runs on inline. */
const blockTags = new Set(
  `address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure
  footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th
  thead tr ul`.split(/\s+/),
);
const skippedTags = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Splits the text under root into paragraphs at block elements (p, headings, list items,
 * divs, table cells, <br>), folding whitespace. Returns the non-empty paragraphs in order;
 * a <br> inside a paragraph splits it, since pages use it to separate lines of text.
 */
export function blockParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current.replace(/[\s\u00a0]+/g, ' ').trim();
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (skippedTags.has(tag)) return;
    const block = blockTags.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}
