import { resolve } from 'node:path';
import type { Clock } from '../core/clock.ts';
import { NewsbotError } from '../core/errors.ts';
import { buildDigestWith, type BuildDigestOptions, type StoryBuilder } from '../digest/build.ts';
import type { Digest } from '../digest/types.ts';
import { canonicalUrl } from '../ingest/feeds/canonical-url.ts';
import { loadDigestFile } from '../schedule/digest-files.ts';
import { storyPasses, type StoryFilters } from '../schedule/filters.ts';
import type { Analysis } from '../analyze/types.ts';
import { briefingFromLedger } from './build-briefing.ts';
import { ingestInputs, type FetchSettings, type IngestContext } from './ingest-articles.ts';
import { withStoredNames } from './stored-names.ts';

export interface DigestInputsOptions extends FetchSettings {
  clock: Clock;
  since?: string;
  maxStories?: number;
  /** False: analyse without saving, and without "new since" bookkeeping. */
  store: boolean;
  onProgress?: (done: number, total: number, input: string) => void;
}

export interface DigestContext extends IngestContext {
  /** Builds the stories side by side (`AnalysisPool.buildStory`); default one after another here. */
  buildStory?: StoryBuilder;
}

/**
 * A briefing from inputs given on the command line (files, folders, feeds, URLs or a
 * digests/NAME.yaml): load -> analyse -> store -> build. "New since the last briefing" for the
 * same inputs comes from the run ledger, so it survives restarts. Throws E_USAGE when every
 * input failed.
 */
export async function digestInputs(inputs: string[], context: DigestContext, options: DigestInputsOptions): Promise<Digest> {
  let maxStories = options.maxStories;
  let title: string | undefined;
  let filters: StoryFilters | undefined;
  const expanded: string[] = [];
  for (const input of inputs) {
    if (/\.ya?ml$/i.test(input)) {
      const schedule = loadDigestFile(input);
      expanded.push(...schedule.feeds);
      maxStories ??= schedule.maxStories;
      title = schedule.title;
      filters = schedule.filters;
    } else {
      expanded.push(input);
    }
  }
  const { analyses, warnings, everyInputFailed } = await ingestInputs(expanded, context, {
    clock: options.clock,
    store: options.store,
    ...(options.since ? { since: options.since } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.allowPrivateUrls === undefined ? {} : { allowPrivateUrls: options.allowPrivateUrls }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (everyInputFailed) {
    throw new NewsbotError('E_USAGE', `every input failed (${warnings.length} warning${warnings.length === 1 ? '' : 's'} above)`);
  }
  const { store } = context;
  const ledgerKey = 'cli:' + expanded.map((input) => (/^https?:/i.test(input) ? input : resolve(input))).sort().join('|');
  const now = options.clock.now();
  const build = async (previous: { points: string[]; at: string } | undefined): Promise<Digest> => {
    const digestOptions: BuildDigestOptions = {
      now,
      // Filters drop stories before the cap, so a filtered briefing still gets up to maxStories.
      ...(maxStories && !filters ? { maxStories } : {}),
      ...(previous ? { previousPoints: previous.points, previousAt: previous.at } : {}),
      ...(title ? { title } : {}),
      ...(options.since ? { since: options.since } : {}),
    };
    const built = await buildDigestWith(oncePerLink(analyses), digestOptions, context.buildStory);
    if (!filters) return built;
    const kept = built.stories.filter((story) => storyPasses(story, filters));
    return { ...built, stories: maxStories ? kept.slice(0, maxStories) : kept };
  };
  const digest = options.store ? await briefingFromLedger(store, ledgerKey, 'stdout', now, build) : await build(undefined);
  return withStoredNames(digest, store);
}

/**
 * One analysis per article address: the same story linked from two feeds, once with
 * `?utm_source=x`, is one article (the first seen), as the store already counts it.
 */
export function oncePerLink(analyses: Analysis[]): Analysis[] {
  const seen = new Set<string>();
  return analyses.filter((analysis) => {
    const url = analysis.article.url;
    if (!url) return true;
    let key: string;
    try {
      key = canonicalUrl(url);
    } catch {
      key = url;
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
