import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import { storeContract } from './store-contract.ts';

let dir: string;
let dbPath: string;

storeContract('SQLite', {
  setUp() {
    dir = mkdtempSync(join(tmpdir(), 'newsbot-store-'));
    dbPath = join(dir, 'nested', 'newsbot.db');
  },
  open: ({ clock }) => openStore(dbPath, { clock }),
  writeRawAnalysis(id, json) {
    const db = new Database(dbPath);
    db.prepare('UPDATE articles SET analysis_json = ? WHERE id = ?').run(json, id);
    db.close();
  },
  tearDown() {
    rmSync(dir, { recursive: true, force: true });
  },
});

describe('SQLite store', () => {
  it('creates the database file and its folder on first open', () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsbot-store-'));
    try {
      const path = join(folder, 'nested', 'newsbot.db');
      openStore(path).close();
      const db = new Database(path, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
      db.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('GIVEN a database from a newer newsbot THEN opening it fails with E_STORE_OPEN and says what to do', () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsbot-store-'));
    try {
      const path = join(folder, 'newsbot.db');
      const db = new Database(path);
      db.pragma('user_version = 999');
      db.close();
      expect(() => openStore(path)).toThrow(/newer newsbot.*NEWSBOT_DB/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
