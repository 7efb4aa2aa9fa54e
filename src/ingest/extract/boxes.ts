/**
 * Removal of non-article boxes from a page's DOM: figures and captions, share bars,
 * related links, newsletter and donation boxes, ads, comments, cookie banners.
 * Elements are recognised by tag, ARIA role and the words in their class and id.
 */

/** Class/id words that mark a box as something other than article text. */
const boxWords = new Set(
  `newsletter newsletters subscribe subscription subscriptions signup donate donation donations contribute
  share sharing sharebar social socials related recommended recommendations recirc recirculation promo promos
  advert advertisement advertising ad ads adslot adunit dfp sponsor sponsored cookie cookies consent gdpr
  paywall comments comment disqus outbrain taboola caption captions credit credits breadcrumb breadcrumbs
  tags tag topics readmore most popular trending sidebar footer nav navigation menu byline author authors
  toolbar enlarge visually sr skip modal popup overlay banner masthead alert pagination pager
  widget widgets print email follow rating ratings inset more links`
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase()),
);

/** Box words strong enough to mark a box even beside a body word ("story-related"). */
const boxWordsBesideBody = new Set(
  `related recommended recommendations recirc share sharing sharebar social newsletter subscribe signup donate donation
  comments comment promo advert advertisement ad ads sponsored caption credit credits byline tags footer outbrain taboola
  nav navigation menu sidebar breadcrumb breadcrumbs`.split(/\s+/),
);

/** Stems that mark a box inside run-together class words ("relatedposts", "sharebuttons", "newsletterform"). */
const boxStems = ['related', 'share', 'social', 'newsletter', 'subscri', 'donat', 'advert', 'sponsor', 'promo', 'cookie', 'caption', 'breadcrumb', 'outbrain', 'taboola', 'paywall', 'recommend'];

const isBoxWord = (word: string): boolean => boxWords.has(word) || boxStems.some((stem) => word.length > stem.length && word.includes(stem));
const isStrongBoxWord = (word: string): boolean => boxWordsBesideBody.has(word) || boxStems.some((stem) => word.length > stem.length && word.includes(stem));

/** Words that, together with a box word, still mean article text ("article-body", "story-content"). */
const bodyWords = new Set(['body', 'content', 'text', 'article', 'story', 'main', 'entry', 'post', 'prose']);

/** Tags whose content is never article text. */
const alwaysBoxTags = new Set(['figure', 'figcaption', 'picture', 'img', 'video', 'audio', 'iframe', 'svg', 'button', 'select', 'input', 'textarea', 'noscript', 'template', 'dialog']);
/** Boxes removed whatever their size: they never hold running text. */
const mediaTags = new Set(['figcaption', 'picture', 'img', 'video', 'audio', 'iframe', 'svg', 'button', 'select', 'input', 'textarea', 'noscript', 'template']);
/** Tags that hold article text only on odd pages: removed unless they carry most of the text. */
const usuallyBoxTags = new Set(['aside', 'nav', 'footer', 'form', 'header', 'menu']);

/** The words of each class name, id and data-component of an element, one list per name. */
function classNames(element: Element): string[][] {
  const raw = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('data-component') ?? ''}`;
  return raw
    .split(/\s+/)
    .filter(Boolean)
    .map((name) =>
      name
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
        // "no-caption" and "without-ads" describe an element, they do not make it a box.
        .filter((word, i, all) => all[i - 1] !== 'no' && all[i - 1] !== 'without'),
    );
}

/** Why an element is a box (its tag, role or class word), or undefined when it may hold article text. */
function boxReason(element: Element): string | undefined {
  const tag = element.tagName.toLowerCase();
  if (alwaysBoxTags.has(tag)) return tag;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return 'hidden';
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? '')) return 'hidden';
  const role = element.getAttribute('role');
  if (role && /^(navigation|banner|complementary|contentinfo|dialog|alert|search|menu|toolbar)$/.test(role)) return `role ${role}`;
  if (usuallyBoxTags.has(tag)) return tag;
  const names = classNames(element);
  // A name like "article-content" says "this is the text", whatever other names say
  // ("social-share-enabled"); "article-related" or "story-share" is a box; "article modal-enabled" is text.
  if (names.some((name) => name.some((word) => bodyWords.has(word)) && !name.some(isBoxWord))) return undefined;
  const words = names.flat();
  if (words.some((word) => bodyWords.has(word))) return words.find(isStrongBoxWord);
  return words.find(isBoxWord);
}

const folded = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Left in place before Readability runs: its conditional cleaning weighs images against
 * paragraphs, so taking captions out first makes it drop image-led sections of the article.
 */
const pageKeeps = new Set([...mediaTags, 'figure', 'header', 'caption', 'captions', 'credit', 'credits', 'byline', 'author', 'authors']);

/** Characters of text in the paragraphs under an element: where the article body lives. */
function proseLength(element: Element): number {
  let length = 0;
  for (const paragraph of Array.from(element.querySelectorAll('p'))) {
    const text = folded(paragraph.textContent);
    if (text.length >= 80) length += text.length;
  }
  return length;
}

/** Page furniture: removed, but not worth listing as text that cleaning took out of the article. */
const furniture = /^(nav|navigation|menu|footer|header|masthead|breadcrumbs?|sidebar|toolbar|pagination|pager|skip|search|hidden|role .*)$/;

/** Text of an element as a reader sees it: script and style contents left out. */
function visibleText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    else if (node.nodeType === 1 && !/^(script|style|noscript|template)$/i.test((node as Element).tagName)) {
      for (const child of Array.from(node.childNodes)) walk(child);
      if (/^(p|div|li|h\d|br|tr|td|a|button)$/i.test((node as Element).tagName)) parts.push(' ');
    }
  };
  walk(element);
  return folded(parts.join(''));
}

/**
 * Removes box elements under root and appends their visible text to `removed`.
 * Returns the number of elements removed. An element holding most of the root's text or
 * paragraphs is kept whatever its class says, since some pages wrap the whole article in an
 * odd class. The 'page' phase (before Readability) leaves figures and captions for later and
 * lists only short boxes, not menus and footers; the 'article' phase works on Readability's
 * output and lists all it takes.
 */
export function removeBoxes(root: Element, removed: string[], phase: 'page' | 'article'): number {
  const total = folded(root.textContent).length || 1;
  const totalProse = proseLength(root) || 1;
  const limit = phase === 'page' ? 0.3 : 0.4;
  let count = 0;
  const visit = (element: Element): void => {
    for (const child of Array.from(element.children)) {
      const reason = boxReason(child);
      if (reason && !(phase === 'page' && pageKeeps.has(reason))) {
        const size = folded(child.textContent).length;
        if (mediaTags.has(reason) || (size <= total * limit && proseLength(child) <= totalProse * 0.4)) {
          const text = visibleText(child);
          const listed = phase === 'article' || (text.length <= 500 && !furniture.test(reason));
          if (text !== '' && listed && !/^(hidden|noscript|template)$/.test(reason)) removed.push(text);
          child.remove();
          count++;
          continue;
        }
      }
      visit(child);
    }
  };
  visit(root);
  return count;
}

/**
 * Removes short paragraphs, list items and headings that are nothing but a link: inline
 * "related story" links and link lists inside the article body. Returns how many went.
 * Prose that merely contains links keeps them.
 */
export function removeLinkOnlyBlocks(root: Element, removed: string[]): number {
  let count = 0;
  for (const block of Array.from(root.querySelectorAll('p, li, h2, h3, h4, h5, h6'))) {
    if (!block.isConnected || block.querySelector('p, li')) continue;
    const text = visibleText(block);
    if (text === '' || text.length > 200) continue;
    const linked = Array.from(block.querySelectorAll('a')).reduce((sum, link) => sum + visibleText(link).length, 0);
    if (linked >= text.length * 0.9) {
      removed.push(text);
      block.remove();
      count++;
    }
  }
  return count;
}
