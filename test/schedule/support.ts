import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelRef } from '../../src/commands/types.ts';
import type { Digest } from '../../src/digest/types.ts';
import type { BriefingSink, Schedule } from '../../src/schedule/types.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

/** A real SQLite file in a fresh temp folder; `reopen` plays a process restart on the same file. */
export class TempDatabase {
  readonly dir = mkdtempSync(join(tmpdir(), 'newsbot-schedule-'));
  readonly path = join(this.dir, 'newsbot.db');
  readonly #open: Store[] = [];

  open(): Store {
    const store = openStore(this.path);
    this.#open.push(store);
    return store;
  }

  dispose(): void {
    for (const store of this.#open) {
      try {
        store.close();
      } catch {
        // already closed by the test
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Delivery {
  target: string;
  title?: string;
  storyCount: number;
  digest: Digest;
}

/**
 * A platform that records what reached its channels. `deliveries` is shared between sinks
 * when passed in, so two processes posting into the same channel are counted together.
 */
export class RecordingSink implements BriefingSink {
  readonly platform: ChannelRef['platform'];
  readonly notes: Array<{ target: string; message: string }> = [];
  /** When set, the post reaches the channel and then the process "dies" before returning the id. */
  hangAfterDelivery = false;
  failWith: Error | undefined;

  constructor(
    readonly deliveries: Delivery[] = [],
    platform: ChannelRef['platform'] = 'console',
  ) {
    this.platform = platform;
  }

  async postBriefing(target: ChannelRef, digest: Digest): Promise<string[]> {
    if (this.failWith) throw this.failWith;
    this.deliveries.push({ target: `${target.platform}:${target.id}`, ...(digest.title ? { title: digest.title } : {}), storyCount: digest.stories.length, digest });
    if (this.hangAfterDelivery) return new Promise<string[]>(() => {});
    return [`msg-${this.deliveries.length}`];
  }

  async notifyAdmins(target: ChannelRef, message: string): Promise<void> {
    this.notes.push({ target: `${target.platform}:${target.id}`, message });
  }
}

export function chatSchedule(overrides: Partial<Schedule> & Pick<Schedule, 'cron' | 'timezone'>): Schedule {
  return {
    id: 'morning',
    title: 'Morning briefing',
    when: overrides.cron,
    targets: [{ platform: 'console', id: 'main' }],
    feeds: [],
    maxStories: 5,
    origin: 'chat',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Lets promises that are already resolvable settle (a claim is written before the first await). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
