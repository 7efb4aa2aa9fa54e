import type { Analysis } from '../../analyze/types.ts';
import { articleTime, cosine } from '../cluster/story-clusters.ts';
import { sentenceUnits, weighUnits, type SentenceUnit } from '../sentence-units.ts';
import { predicateCosine, samePoint } from './point-matching.ts';

const MAX_NEW = 5;

/**
 * What is new since the previous briefing of the same schedule, for a story that briefing told:
 * points no old point states. The articles published after the newest article the previous
 * briefing drew on are what happened since: their points lead, then the rest, newest article
 * first. A point is "already said" only when an old point states it (same predicate, close
 * wording), not when it merely names the same people. Empty when there was no previous briefing
 * or it did not tell this story: then the whole story is new, and nothing is listed twice.
 */
export function newPoints(
  points: string[],
  units: SentenceUnit[],
  analyses: Analysis[],
  previous: string[] | undefined,
  storyNames: ReadonlySet<string>,
  places: ReadonlySet<string>,
  previousAt?: string,
): string[] {
  if (previous === undefined || previous.length === 0) return [];
  const times = new Map(analyses.map((a) => [a.article.id, articleTime(a, 0)]));
  const said = new Set(previous);
  const quotedBefore = units.some((u) => said.has(u.text));
  // Later news: the articles published after the last briefing when its time is known, else
  // those published after the newest article it quoted.
  const since = previousAt === undefined ? Number.NaN : Date.parse(previousAt);
  const freshArticles = Number.isFinite(since)
    ? new Set(analyses.filter((a) => articleTime(a, -Infinity) > since).map((a) => a.article.id))
    : articlesSinceBriefing(units, previous, times);
  const articleOf = new Map(units.map((u) => [u.text, u.articleId]));
  const freshTexts = units
    .filter((u) => freshArticles.has(u.articleId) && u.pointable)
    .sort((a, b) => (times.get(b.articleId) ?? 0) - (times.get(a.articleId) ?? 0) || a.position - b.position)
    .map((u) => u.text);
  // Only reports the last briefing did not draw on, published after those it did, hold news: the
  // same articles briefed again (a restart, \`serve --once\`) have none, whatever was left unshown.
  const candidates = [...new Set(freshTexts)];
  if (candidates.length === 0) return [];

  const fake = { article: { id: 'p', source: '', title: '', paragraphs: [], removed: [] }, sentences: [], entities: [], quotes: [], keyPoints: [] };
  const toUnits = (texts: string[], report: number): SentenceUnit[] =>
    texts.map((text) => {
      const unit = sentenceUnits({ ...fake, sentences: [{ text, paragraph: 0, start: 0 }] }, report, storyNames, places).find((u) => !u.isTitle);
      return unit === undefined ? undefined : { ...unit, isLead: false, event: undefined };
    }).filter((u): u is SentenceUnit & { event: undefined } => u !== undefined) as SentenceUnit[];
  const current = toUnits(candidates, 0);
  const before = toUnits(previous, 1);
  weighUnits([...current, ...before]);
  // A report from after the briefing has to restate an old point closely to be old news; an older
  // report's point the briefing matched by content was already told.
  const isFresh = (unit: SentenceUnit): boolean => freshArticles.has(articleOf.get(unit.text) ?? '');
  const alreadySaid = (unit: SentenceUnit): boolean =>
    said.has(unit.text) ||
    before.some(
      (old) =>
        samePoint(unit, old) &&
        (!isFresh(unit) || predicateCosine(unit, old) >= NEW_POINT_SAME_PREDICATE || cosine(unit.vector, old.vector) >= NEW_POINT_SAME_WORDING),
    );
  // A story the last briefing did not tell is new as a whole: its sections say it all.
  if (!quotedBefore && !current.some(alreadySaid)) return [];
  const chosen: SentenceUnit[] = [];
  for (const unit of current) {
    if (alreadySaid(unit) || chosen.some((c) => samePoint(c, unit))) continue;
    chosen.push(unit);
  }
  return chosen
    .map((unit, order) => {
      const article = articleOf.get(unit.text);
      return { text: unit.text, order, fresh: article !== undefined && freshArticles.has(article), time: times.get(article ?? '') ?? 0 };
    })
    .sort((a, b) => Number(b.fresh) - Number(a.fresh) || b.time - a.time || a.order - b.order)
    .slice(0, MAX_NEW)
    .map((p) => p.text);
}

/** An old point counts as the same when it shares this much of the predicate, by weight... */
const NEW_POINT_SAME_PREDICATE = 0.3;
/** ...or this much of the whole wording. */
const NEW_POINT_SAME_WORDING = 0.6;

/**
 * Articles published after the newest article the previous briefing quoted a sentence from: the
 * news since that briefing. None when the previous briefing quoted none of the story's articles.
 */
function articlesSinceBriefing(units: SentenceUnit[], previous: string[], times: Map<string, number>): Set<string> {
  const said = new Set(previous);
  const known = new Set(units.filter((u) => said.has(u.text)).map((u) => u.articleId));
  if (known.size === 0) return new Set();
  const cutoff = Math.max(...[...known].map((id) => times.get(id) ?? 0));
  return new Set(units.filter((u) => !known.has(u.articleId) && (times.get(u.articleId) ?? 0) > cutoff).map((u) => u.articleId));
}
