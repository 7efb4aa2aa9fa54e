/**
 * The element whose direct <p> children carry the most text: the article body on pages
 * where Readability finds too little. Links count against a paragraph, so menus and
 * lists of headlines lose to running prose.
 */
export function densestTextBlock(document: Document): Element | undefined {
  const scores = new Map<Element, number>();
  for (const paragraph of Array.from(document.querySelectorAll('p'))) {
    const parent = paragraph.parentElement;
    if (!parent) continue;
    const text = (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 40) continue;
    const linkText = Array.from(paragraph.querySelectorAll('a')).reduce((sum, link) => sum + (link.textContent ?? '').trim().length, 0);
    const prose = text.length - 2 * linkText;
    if (prose <= 0) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + prose);
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}
