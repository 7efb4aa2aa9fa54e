#!/usr/bin/env node
// Runs the compiled program in dist/ (made by `npm run build`, which `npm install` runs) when it
// is newer than every source file; otherwise the TypeScript sources through tsx, so a checkout
// that was never built, or was edited since, still runs what its sources say.
import { existsSync, readdirSync, statSync } from 'node:fs';

// Settings from ./.env, when there is one; variables already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

const root = new URL('..', import.meta.url);
const builtAt = (() => {
  try {
    return statSync(new URL('dist/.built', root)).mtimeMs;
  } catch {
    return undefined;
  }
})();

function newestSourceChange() {
  let newest = 0;
  for (const folder of ['src', 'adapters']) {
    for (const entry of readdirSync(new URL(folder, root), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
    }
  }
  return newest;
}

if (builtAt !== undefined && newestSourceChange() <= builtAt) {
  await import('../dist/adapters/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../adapters/main.ts');
}
