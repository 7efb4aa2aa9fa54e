import type Database from 'better-sqlite3';

/**
 * Schema changes in order; the database's `user_version` says how many have run.
 * Append only: never edit a migration that has shipped.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );
  CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    title TEXT NOT NULL,
    url TEXT,
    canonical_url TEXT,
    feed_url TEXT,
    published_at TEXT,
    first_seen_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sort_time TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    analysis_json TEXT NOT NULL
  );
  CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
  CREATE INDEX articles_content_hash ON articles(content_hash);
  CREATE INDEX articles_sort_time ON articles(sort_time);
  CREATE INDEX articles_feed ON articles(feed_url, sort_time);
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');

  CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('person', 'org', 'place')),
    name TEXT NOT NULL,
    surname_key TEXT NOT NULL,
    given_key TEXT NOT NULL DEFAULT '',
    mentions INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX entities_surname ON entities(type, surname_key);
  CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
  );
  CREATE TABLE entity_words (
    word TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (word, entity_id)
  ) WITHOUT ROWID;
  CREATE TABLE mentions (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    count INTEGER NOT NULL,
    role TEXT,
    PRIMARY KEY (article_rowid, entity_id)
  );
  CREATE INDEX mentions_entity ON mentions(entity_id);
  CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    speaker TEXT,
    text TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    partial INTEGER NOT NULL
  );
  CREATE INDEX quotes_entity ON quotes(entity_id);
  CREATE INDEX quotes_article ON quotes(article_rowid);

  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    headline TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    data_json TEXT NOT NULL
  );
  CREATE TABLE story_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    PRIMARY KEY (story_id, article_id)
  );

  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    added_by TEXT,
    added_at TEXT NOT NULL,
    health TEXT NOT NULL DEFAULT 'new',
    failing_since TEXT,
    last_error TEXT,
    last_polled_at TEXT,
    last_ok_at TEXT,
    etag TEXT,
    last_modified TEXT,
    item_count INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE schedules (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    data_json TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    schedule_id TEXT NOT NULL,
    scheduled_for TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    message_ids_json TEXT NOT NULL DEFAULT '[]',
    points_json TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX runs_schedule ON runs(schedule_id, scheduled_for);
  `,
  // One canonical spelling per person: each article's printed form is counted, and the person's
  // name is the form that wins (see canonicalSpelling). Existing rows count as the current name.
  `
  ALTER TABLE mentions ADD COLUMN printed_name TEXT;
  CREATE TABLE person_spellings (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    spelling TEXT NOT NULL,
    articles INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity_id, spelling)
  ) WITHOUT ROWID;
  CREATE INDEX aliases_alias ON aliases(alias);
  UPDATE mentions SET printed_name = (SELECT e.name FROM entities e WHERE e.id = mentions.entity_id AND e.type = 'person');
  INSERT INTO person_spellings(entity_id, spelling, articles, mentions)
    SELECT entity_id, printed_name, count(*), sum(count) FROM mentions WHERE printed_name IS NOT NULL GROUP BY entity_id, printed_name;
  `,
  // URLs given to `newsbot digest`: validators for a conditional read, and the articles a 304 stands for.
  `
  CREATE TABLE fetched_urls (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    article_ids_json TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  );
  `,
];

/** Brings the database up to the latest schema inside one transaction per migration. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `The database was written by a newer newsbot (schema ${current}, this version knows ${migrations.length}); upgrade newsbot or point NEWSBOT_DB elsewhere.`,
    );
  }
  for (let version = current; version < migrations.length; version++) {
    const sql = migrations[version]!;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
