import type pg from 'pg';

/**
 * Schema changes in order; the `newsbot_migrations` table says which have run.
 * Append only: never edit a migration that has shipped.
 *
 * Times are ISO strings in text columns, as on SQLite, so both stores return them exactly as
 * written; text that is sorted or compared uses the "C" collation, so it orders byte-wise as
 * SQLite does whatever the database's locale.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE sources (
    id bigserial PRIMARY KEY,
    name text COLLATE "C" NOT NULL UNIQUE
  );
  CREATE TABLE articles (
    rowid bigserial PRIMARY KEY,
    id text COLLATE "C" NOT NULL UNIQUE,
    source_id bigint NOT NULL REFERENCES sources(id),
    title text NOT NULL,
    url text,
    canonical_url text,
    feed_url text,
    published_at text COLLATE "C",
    first_seen_at text COLLATE "C" NOT NULL,
    updated_at text COLLATE "C" NOT NULL,
    sort_time text COLLATE "C" NOT NULL,
    content_hash text NOT NULL,
    analysis_json text NOT NULL,
    search tsvector NOT NULL
  );
  CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
  CREATE INDEX articles_content_hash ON articles(content_hash);
  CREATE INDEX articles_sort_time ON articles(sort_time);
  CREATE INDEX articles_feed ON articles(feed_url, sort_time);
  CREATE INDEX articles_search ON articles USING gin(search);

  CREATE TABLE entities (
    id bigserial PRIMARY KEY,
    type text NOT NULL CHECK (type IN ('person', 'org', 'place')),
    name text NOT NULL,
    surname_key text NOT NULL,
    given_key text NOT NULL DEFAULT '',
    mentions integer NOT NULL DEFAULT 0
  );
  CREATE INDEX entities_surname ON entities(type, surname_key);
  CREATE INDEX entities_mentions ON entities(type, mentions DESC);
  CREATE TABLE aliases (
    entity_id bigint NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias text COLLATE "C" NOT NULL,
    PRIMARY KEY (entity_id, alias)
  );
  -- Folded name words; the "C" collation lets a btree range answer prefix look-ups.
  CREATE TABLE entity_words (
    word text COLLATE "C" NOT NULL,
    entity_id bigint NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (word, entity_id)
  );
  CREATE TABLE mentions (
    article_rowid bigint NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    entity_id bigint NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    count integer NOT NULL,
    role text,
    PRIMARY KEY (article_rowid, entity_id)
  );
  CREATE INDEX mentions_entity ON mentions(entity_id);
  CREATE TABLE quotes (
    id bigserial PRIMARY KEY,
    article_rowid bigint NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    entity_id bigint REFERENCES entities(id) ON DELETE SET NULL,
    speaker text,
    text text NOT NULL,
    paragraph integer NOT NULL,
    partial boolean NOT NULL
  );
  CREATE INDEX quotes_entity ON quotes(entity_id);
  CREATE INDEX quotes_article ON quotes(article_rowid);

  CREATE TABLE feeds (
    url text COLLATE "C" PRIMARY KEY,
    title text,
    added_by text,
    added_at text COLLATE "C" NOT NULL,
    health text NOT NULL DEFAULT 'new',
    failing_since text,
    last_error text,
    last_polled_at text,
    last_ok_at text,
    etag text,
    last_modified text,
    item_count integer NOT NULL DEFAULT 0
  );

  CREATE TABLE schedules (
    id text COLLATE "C" PRIMARY KEY,
    origin text NOT NULL,
    data_json text NOT NULL,
    created_at text COLLATE "C" NOT NULL
  );
  -- The run ledger: the primary key is the claim; status changes are compare-and-set UPDATEs.
  CREATE TABLE runs (
    id text COLLATE "C" PRIMARY KEY,
    schedule_id text COLLATE "C" NOT NULL,
    scheduled_for text COLLATE "C" NOT NULL,
    target text COLLATE "C" NOT NULL,
    status text NOT NULL,
    message_ids_json text NOT NULL DEFAULT '[]',
    points_json text NOT NULL DEFAULT '[]',
    error text,
    updated_at text NOT NULL
  );
  CREATE INDEX runs_schedule ON runs(schedule_id, scheduled_for);
  `,
  // One canonical spelling per person: each article's printed form is counted, and the person's
  // name is the form that wins (see canonicalSpelling). Existing rows count as the current name.
  `
  ALTER TABLE mentions ADD COLUMN printed_name text;
  CREATE TABLE person_spellings (
    entity_id bigint NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    spelling text NOT NULL,
    articles integer NOT NULL,
    mentions integer NOT NULL,
    PRIMARY KEY (entity_id, spelling)
  );
  CREATE INDEX aliases_alias ON aliases(alias);
  UPDATE mentions m SET printed_name = e.name FROM entities e WHERE e.id = m.entity_id AND e.type = 'person';
  INSERT INTO person_spellings(entity_id, spelling, articles, mentions)
    SELECT entity_id, printed_name, count(*), sum(count) FROM mentions WHERE printed_name IS NOT NULL GROUP BY entity_id, printed_name;
  `,
  // URLs given to `newsbot digest`: validators for a conditional read, and the articles a 304 stands for.
  `
  CREATE TABLE fetched_urls (
    url text PRIMARY KEY,
    etag text,
    last_modified text,
    article_ids_json text NOT NULL,
    fetched_at text NOT NULL
  );
  `,
];

/** Any number for the advisory lock that keeps two instances from migrating at once. */
const migrationLock = 0x6e657773;

/**
 * Creates `schema` when given and missing, brings newsbot's tables up to date, one transaction per migration, under an advisory lock so that
 * instances starting together migrate once. Throws when a newer newsbot wrote the schema.
 */
export async function migrate(client: pg.ClientBase, schema?: string): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
  try {
    // Inside the lock: two instances creating one schema at once would collide.
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS newsbot_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM newsbot_migrations');
    const current = rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(
        `the database was written by a newer newsbot (schema ${current}, this version knows ${migrations.length}); upgrade newsbot or point DATABASE_URL elsewhere`,
      );
    }
    for (let version = current; version < migrations.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(migrations[version]!);
        await client.query('INSERT INTO newsbot_migrations(version) VALUES ($1)', [version + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]);
  }
}
