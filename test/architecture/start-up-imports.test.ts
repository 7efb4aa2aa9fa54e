import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// Static imports only (type-only imports are erased): dynamic `import()` is what loads a module when a command needs it.
const staticImport = /^(?:import|export)\s+(?!type\b)[^;]*?from\s*['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm;

/** Every module and package the entry loads before it runs a command, each with the file that pulls it in. */
function loadedAtStart(entries: string[]): Map<string, string> {
  const loaded = new Map<string, string>(entries.map((entry) => [entry, '']));
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(staticImport)) {
      const target = (match[1] ?? match[2])!;
      const key = target.startsWith('.') ? normalize(join(dirname(file), target)) : target;
      if (loaded.has(key)) continue;
      loaded.set(key, file);
      if (target.startsWith('.') && existsSync(join(root, key))) queue.push(key);
    }
  }
  return loaded;
}

describe('what every newsbot start loads', () => {
  it('GIVEN `newsbot --help` or `newsbot ask` THEN neither the HTTP and feed stack, the HTML parser, the PostgreSQL driver, the YAML reader nor the method build of zod is loaded before a command asks for it', () => {
    // The entry, and what `ask` loads to answer a slash command: the runtime and the commands.
    const loaded = loadedAtStart(['adapters/main.ts', 'src/cli/runtime.ts', 'src/commands/index.ts']);
    const heavy = ['undici', 'linkedom', '@mozilla/readability', 'rss-parser', 'fast-xml-parser', 'pg', 'pg-boss', 'discord.js', '@slack/bolt', 'piscina', 'yaml', 'zod'];
    expect(heavy.filter((name) => loaded.has(name)).map((name) => `${name} (from ${loaded.get(name)})`)).toEqual([]);
  });
});
