import { resolve } from 'node:path';
import type { Clock } from '../core/clock.ts';
import { NewsbotError } from '../core/errors.ts';
import { buildDigest } from '../digest/build.ts';
import type { Digest } from '../digest/types.ts';
import { loadDigestFile } from '../schedule/digest-files.ts';
import { briefingFromLedger } from './build-briefing.ts';
import { ingestInputs, type FetchSettings, type IngestContext } from './ingest-articles.ts';

export interface DigestInputsOptions extends FetchSettings {
  clock: Clock;
  since?: string;
  maxStories?: number;
  /** False: analyse without saving, and without "new since" bookkeeping. */
  store: boolean;
  onProgress?: (done: number, total: number, input: string) => void;
}

/**
 * A briefing from inputs given on the command line (files, folders, feeds, URLs or a
 * digests/NAME.yaml): load -> analyse -> store -> build. "New since the last briefing" for the
 * same inputs comes from the run ledger, so it survives restarts. Throws E_USAGE when every
 * input failed.
 */
export async function digestInputs(inputs: string[], context: IngestContext, options: DigestInputsOptions): Promise<Digest> {
  let maxStories = options.maxStories;
  let title: string | undefined;
  const expanded: string[] = [];
  for (const input of inputs) {
    if (/\.ya?ml$/i.test(input)) {
      const schedule = loadDigestFile(input);
      expanded.push(...schedule.feeds);
      maxStories ??= schedule.maxStories;
      title = schedule.title;
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
  const build = (previous: { points: string[]; at: string } | undefined): Digest =>
    buildDigest(analyses, {
      now,
      ...(maxStories ? { maxStories } : {}),
      ...(previous ? { previousPoints: previous.points, previousAt: previous.at } : {}),
      ...(title ? { title } : {}),
      ...(options.since ? { since: options.since } : {}),
    });
  const digest = options.store ? await briefingFromLedger(store, ledgerKey, 'stdout', now, build) : build(undefined);
  return digest;
}
