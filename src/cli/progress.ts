/** A one-line progress display for long ingests; silent unless stderr is a terminal. */
export interface Progress {
  /** Sets how many of the total are done, with optional counters shown after the label. */
  update(done: number, counters?: Record<string, number>): void;
  /** Clears the line. */
  done(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream | { isTTY?: boolean; write(text: string): unknown };
  env?: NodeJS.ProcessEnv;
  /** Least time between two redraws, so a fast loop does not flood the terminal. */
  minIntervalMs?: number;
  now?: () => number;
}

/** The text of one progress line: `[12/40] feeds  3 new  1 failing`. */
export function formatProgress(done: number, total: number, label: string, counters: Record<string, number> = {}): string {
  const width = String(total).length;
  const parts = [`[${String(done).padStart(width)}/${total}] ${label}`];
  for (const [name, count] of Object.entries(counters)) if (count > 0) parts.push(`${count} ${name}`);
  return parts.join('  ');
}

/**
 * Returns a progress line for `total` items of `label` on stderr. It draws only when stderr
 * is a TTY and CI is not set; otherwise every call is a no-op, so piped output stays clean.
 */
export function createProgress(total: number, label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const active = Boolean(stream.isTTY) && !env['CI'] && total > 1;
  if (!active) return { update: () => undefined, done: () => undefined };
  const now = options.now ?? Date.now;
  const minInterval = options.minIntervalMs ?? 100;
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(done, counters) {
      const time = now();
      if (done < total && time - lastDraw < minInterval) return;
      lastDraw = time;
      drawn = true;
      stream.write(`\r\x1b[2K${formatProgress(done, total, label, counters)}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
