/**
 * The element whose direct <p> children carry the most text (or the parent of several such
 * wrappers): the article body on pages where Readability finds too little. Links count
 * against a paragraph, so menus and lists of headlines lose to running prose.
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
  // Bodies split into several wrappers ("text-block" per paragraph) share a parent: when the
  // wrappers around the best one carry much more text together, take their common parent.
  const parent = best?.parentElement;
  if (best && parent) {
    let together = 0;
    for (const [element, score] of scores) if (element === parent || element.parentElement === parent) together += score;
    if (together >= bestScore * 1.5) return parent;
  }
  return best;
}
