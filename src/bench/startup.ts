import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.ts';

const RUNS = 7;
const bin = join(packageRoot, 'bin', 'newsbot.js');

/** Seconds from spawning the CLI to its exit, each run; it must print its answer ("nobody called x" exits 1). */
function timed(args: string[], env: NodeJS.ProcessEnv, runs = RUNS): number[] {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
    if ((run.status !== 0 && run.status !== 1) || !run.stdout.trim()) throw new Error(`newsbot ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    seconds.push((performance.now() - started) / 1000);
  }
  return seconds;
}

function summary(seconds: number[]): Record<string, number> {
  const sorted = [...seconds].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { median: round(sorted[Math.floor(sorted.length / 2)]!), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), runs: sorted.length };
}

/**
 * Start-up as a user meets it: `newsbot --help` and `newsbot ask "/who x"` (an empty store in a
 * temporary folder) spawned as processes, seven runs each. Target: 0.5 s.
 */
export async function benchStartup(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-startup-'));
  const env = { ...process.env, NEWSBOT_DB: join(dir, 'startup.db'), LOG_LEVEL: 'error' };
  try {
    // The first run pays for the disk cache and the store's creation; it is not counted.
    timed(['ask', '/who x'], env, 1);
    return {
      help: summary(timed(['--help'], env)),
      askWho: summary(timed(['ask', '/who x'], env)),
      targetSeconds: 0.5,
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
