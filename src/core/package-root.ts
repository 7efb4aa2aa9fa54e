/**
 * Where newsbot is installed. The same modules run from their TypeScript sources (src/…) and
 * compiled (dist/src/…), so files that ship beside the code (package.json, digests/) are found
 * from the nearest folder above this one that holds package.json, not by a fixed number of `..`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findPackageRoot(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json in ${start} or any folder above it`);
  }
}

export const packageRoot = findPackageRoot(import.meta.dirname);
