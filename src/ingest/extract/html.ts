import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normaliseDate, readPageMetadata, type PageMetadata } from './metadata.ts';
import { removeBoxes, removeLinkOnlyBlocks } from './boxes.ts';
import { densestTextBlock } from './fallback.ts';
import { blockParagraphs } from './paragraphs.ts';

/** The main text of one HTML page, split into paragraphs, with what was cut kept aside. */
export interface HtmlExtraction extends PageMetadata {
  paragraphs: string[];
  /** Text of captions, share/related/newsletter boxes and the like, in page order. */
  removed: string[];
  /** Which path found the text: Readability, the densest block of paragraphs, JSON-LD articleBody, or the whole body. */
  method: 'readability' | 'densest-block' | 'json-ld' | 'body';
}

/** Below this many characters Readability's result is taken for a miss and the fallback runs. */
const minimumArticleChars = 400;

function parseDocument(html: string): Document {
  // linkedom needs a full document; feed content is often a bare fragment.
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document as unknown as Document;
}

const textLength = (paragraphs: string[]): number => paragraphs.reduce((sum, p) => sum + p.length, 0);

interface ReadabilityResult {
  paragraphs: string[];
  metadata: PageMetadata;
}

/** Runs Readability over the page; it changes `document`, which is of no use afterwards. */
function readabilityParagraphs(document: Document, removed: string[]): ReadabilityResult {
  removeBoxes(document.body ?? document.documentElement, removed, 'page');
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(document, { charThreshold: 300, keepClasses: true }).parse();
  } catch {
    // Readability throws on some odd DOMs; the fallback below still reads the page.
    parsed = null;
  }
  const metadata: PageMetadata = {};
  if (parsed?.title) metadata.title = parsed.title.trim();
  if (parsed?.byline) metadata.byline = parsed.byline.replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim();
  if (parsed?.siteName) metadata.siteName = parsed.siteName.trim();
  const published = normaliseDate(parsed?.publishedTime ?? undefined);
  if (published) metadata.publishedAt = published;
  if (!parsed?.content) return { paragraphs: [], metadata };
  const content = parseDocument(`<!DOCTYPE html><html><body>${parsed.content}</body></html>`);
  const root = content.body ?? content.documentElement;
  removeBoxes(root, removed, 'article');
  removeLinkOnlyBlocks(root, removed);
  return { paragraphs: blockParagraphs(root), metadata };
}

/**
 * Extracts the main text of an HTML page (or fragment): Readability over linkedom, then
 * removal of captions, credits and share/related/newsletter/donation boxes, then paragraph
 * segmentation at block elements. When Readability finds too little, the densest block of
 * `<p>` text stands in. Returns paragraphs, removed text and the page's own metadata.
 */
export function extractHtml(html: string): HtmlExtraction {
  const page = parseDocument(html);
  const metadata = readPageMetadata(page);
  const removed: string[] = [];
  const readability = readabilityParagraphs(page, removed);
  let paragraphs = readability.paragraphs;
  let method: HtmlExtraction['method'] = 'readability';

  if (textLength(paragraphs) < minimumArticleChars) {
    const fallbackRemoved: string[] = [];
    const document = parseDocument(html);
    removeBoxes(document.body ?? document.documentElement, fallbackRemoved, 'page');
    const dense = densestTextBlock(document);
    if (dense && textLength(blockParagraphs(dense)) > textLength(paragraphs)) {
      paragraphs = blockParagraphs(dense);
      method = 'densest-block';
      removed.length = 0;
      removed.push(...fallbackRemoved);
    }
    const declaredBody = metadata.articleBody ?? '';
    if (declaredBody.length > Math.max(textLength(paragraphs) * 1.5, 200)) {
      // Pages rendered by script carry their text only in JSON-LD.
      paragraphs = declaredBody.split(/\s*\n\s*/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
      method = 'json-ld';
    } else if (paragraphs.length === 0 && document.body) {
      paragraphs = blockParagraphs(document.body);
      method = 'body';
    }
  }
  // The page's own declarations win; Readability's guesses (a "By ..." line, the <title>) fill gaps.
  const { articleBody: _body, ...declared } = metadata;
  return { ...readability.metadata, ...declared, paragraphs, removed, method };
}
