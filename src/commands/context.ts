import type { Clock } from '../core/clock.ts';
import type { HttpLimits } from '../ingest/http/limits.ts';
import type { Store } from '../store/store.ts';

/** What command handlers may use; wired once in the entry point, faked nowhere. */
export interface CommandContext {
  store: Store;
  clock: Clock;
  /** IANA zone for schedules created without one (NEWSBOT_TZ, else UTC). */
  defaultTimezone: string;
  /** Tells the running scheduler that schedules changed; absent when nothing is scheduled (e.g. `newsbot ask`). */
  onSchedulesChanged?: () => void;
  /** How `/feeds add` fetches a feed to check it: the same limits and private-address rule as the CLI. */
  feedAccess?: { allowPrivateUrls: boolean; limits: Partial<HttpLimits> };
}
