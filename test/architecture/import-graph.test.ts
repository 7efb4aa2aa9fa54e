import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const importPattern = /(?:^|[\s;])(?:import|export)\s[^;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Relative imports of a file, as repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(importPattern)].map((match) => normalize(join(dirname(file), (match[1] ?? match[2])!)));
}

/** `src/ingest/http/fetch.ts` -> `src/ingest`; a file directly under src/ is its own node. */
function folderOf(path: string): string {
  const parts = path.split('/');
  return parts[0] === 'src' && parts.length > 2 ? `src/${parts[1]}` : path.replace(/\.ts$/, '');
}

function folderGraph(files: string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    for (const target of importsOf(file)) {
      const from = folderOf(file);
      const to = folderOf(target);
      if (from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${file} imports ${relative(dirname(file), target)}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** One cycle of the graph as a list of example imports, or none. */
function findCycle(graph: Map<string, Map<string, string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...path.slice(path.indexOf(next)), next];
        return loop.slice(1).map((to, i) => graph.get(loop[i]!)!.get(to)!);
      }
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

describe('architecture', () => {
  const srcFiles = sourceFiles('src');

  it('GIVEN the folders under src/ THEN they import each other in one direction only (no cycle)', () => {
    expect(findCycle(folderGraph(srcFiles))).toBeUndefined();
  });

  it('GIVEN src/ THEN nothing in it imports an adapter', () => {
    const offending = srcFiles.flatMap((file) => importsOf(file).filter((target) => target.startsWith('adapters/')).map((target) => `${file} imports ${target}`));
    expect(offending).toEqual([]);
  });

  it('GIVEN src/core THEN it imports nothing else from src/', () => {
    const offending = srcFiles
      .filter((file) => file.startsWith('src/core/'))
      .flatMap((file) => importsOf(file).filter((target) => !target.startsWith('src/core/')).map((target) => `${file} imports ${target}`));
    expect(offending).toEqual([]);
  });

  it('GIVEN a cycle between two folders THEN the check names the imports that close it', () => {
    const graph = folderGraph([]);
    graph.set('src/store', new Map([['src/commands', 'src/store/a.ts imports ../commands/b.ts']]));
    graph.set('src/commands', new Map([['src/store', 'src/commands/b.ts imports ../store/a.ts']]));
    expect(findCycle(graph)).toEqual(['src/store/a.ts imports ../commands/b.ts', 'src/commands/b.ts imports ../store/a.ts']);
  });
});
