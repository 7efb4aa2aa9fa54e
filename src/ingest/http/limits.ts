/** Limits of the HTTP layer; every one can be changed per client. */
export interface HttpLimits {
  /** Time allowed to open the TCP/TLS connection. */
  connectTimeoutMs: number;
  /** Time allowed for one whole request, body included, per attempt. */
  totalTimeoutMs: number;
  /** Largest body accepted, counted after decompression (and before it, too). */
  maxBytes: number;
  maxRedirects: number;
  /** Requests in flight to one host at once. */
  perHostConcurrency: number;
  /** Requests in flight at once overall. */
  globalConcurrency: number;
  /** Extra attempts after a timeout, a dropped connection or a 5xx. */
  retries: number;
  /** First backoff delay; doubles per attempt, with jitter, up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const defaultHttpLimits: Readonly<HttpLimits> = Object.freeze({
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 2,
  globalConcurrency: 16,
  retries: 2,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
});

/** Waits for a number of limited slots; callers release in the order they like. */
export class Semaphore {
  #free: number;
  readonly #waiting: Array<() => void> = [];

  constructor(size: number) {
    this.#free = Math.max(1, size);
  }

  /** Resolves once a slot is free; the returned function gives it back (idempotent). */
  async acquire(): Promise<() => void> {
    if (this.#free > 0) {
      this.#free--;
    } else {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    };
  }

  get idle(): boolean {
    return this.#waiting.length === 0;
  }
}

/** Backoff before retry `attempt` (0-based): exponential, capped, with equal jitter. */
export function backoffDelay(attempt: number, limits: Pick<HttpLimits, 'backoffBaseMs' | 'backoffMaxMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(limits.backoffMaxMs, limits.backoffBaseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

