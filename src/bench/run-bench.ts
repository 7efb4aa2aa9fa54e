/**
 * `npm run bench`: prints one JSON object with every figure. Sections run one after another
 * so they do not compete for the two cores; `npm run bench -- commands` runs one section.
 */
import { benchAnalyze } from './analyze.ts';
import { benchClustering } from './clustering.ts';
import { benchCommands, benchCommandsPostgres } from './commands.ts';
import { benchDigest } from './digest.ts';
import { benchPolling } from './polling.ts';
import { benchPollingPostgres } from './polling-postgres.ts';
import { benchResponsiveness } from './responsiveness.ts';
import { benchStartup } from './startup.ts';

const sections: Record<string, () => Promise<Record<string, unknown>>> = {
  analyze: benchAnalyze,
  clustering: benchClustering,
  polling: benchPolling,
  commands: () => benchCommands(),
  'commands-postgres': () => benchCommandsPostgres(),
  'polling-postgres': benchPollingPostgres,
  digest: benchDigest,
  chat: benchResponsiveness,
  startup: benchStartup,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !(name in sections));
if (unknown.length) {
  process.stderr.write(`error: unknown bench section(s): ${unknown.join(', ')}; choose from ${Object.keys(sections).join(', ')}\n`);
  process.exit(2);
}
const os = await import('node:os');
const results: Record<string, unknown> = { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg().map((n) => Number(n.toFixed(1))), startedAt: new Date().toISOString() };
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length && !wanted.includes(name)) continue;
  process.stderr.write(`bench: ${name}...\n`);
  const t0 = performance.now();
  results[name] = await run();
  process.stderr.write(`bench: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
