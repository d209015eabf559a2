import type { SqlDatabase } from '../ports/sql-database'

/**
 * The history file's schema, one migration per version (PRAGMA user_version counts them). A new
 * version appends a function here; none is ever edited once shipped, since desks in the field hold
 * files at every earlier version.
 *
 *  scopes    one per API URL + organization: histories of different servers or orgs never mix
 *  assets    a small integer key per (scope, assetId), so blobs carry 4 bytes instead of a UUID
 *  segments  the write-ahead tail: one row per write (every ~0.5 s), fixes of any vehicles
 *  chunks    compacted per vehicle: up to CHUNK_MAX_FIXES fixes spanning at most CHUNK_MAX_SPAN_MS
 *  alarms    the alarm inbox: every alarm with its state, who acknowledged it, when, and why
 *  counters  running totals (fixes stored) that would otherwise need a full scan
 */
const MIGRATIONS: readonly ((db: SqlDatabase) => void)[] = [
  (db) =>
    db.exec(`
      CREATE TABLE scopes (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
      CREATE TABLE assets (
        id INTEGER PRIMARY KEY,
        scope INTEGER NOT NULL,
        asset_id TEXT NOT NULL,
        UNIQUE (scope, asset_id)
      );
      CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        t_min INTEGER NOT NULL,
        t_max INTEGER NOT NULL,
        n INTEGER NOT NULL,
        data BLOB NOT NULL
      );
      CREATE TABLE chunks (
        id INTEGER PRIMARY KEY,
        asset INTEGER NOT NULL,
        t0 INTEGER NOT NULL,
        t1 INTEGER NOT NULL,
        n INTEGER NOT NULL,
        data BLOB NOT NULL
      );
      CREATE UNIQUE INDEX chunks_by_asset ON chunks (asset, t0);
      CREATE INDEX chunks_by_time ON chunks (t0);
      CREATE TABLE alarms (
        id INTEGER PRIMARY KEY,
        scope INTEGER NOT NULL,
        asset_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        raised_at INTEGER NOT NULL,
        speed REAL,
        state TEXT NOT NULL,
        ended_at INTEGER,
        acked_at INTEGER,
        acked_by TEXT,
        note TEXT,
        cleared_at INTEGER
      );
      CREATE INDEX alarms_by_scope ON alarms (scope, raised_at);
      CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO counters VALUES ('fixes', 0);
    `),
]

export const SCHEMA_VERSION = MIGRATIONS.length

/** A file written by a newer Fleet Monitor: left untouched (a downgrade must not destroy it). */
export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(`the history file is at schema version ${found}, this app knows up to ${SCHEMA_VERSION}`)
  }
}

/** Pragmas for every connection, then the migrations this file has not had yet, each in one transaction. */
export function prepareSchema(db: SqlDatabase): void {
  // Before the first table exists (a new file): freed pages can then be handed back to the OS in
  // small steps (PRAGMA incremental_vacuum) instead of one long VACUUM.
  db.exec('PRAGMA auto_vacuum = INCREMENTAL')
  db.exec('PRAGMA journal_mode = WAL')
  // FULL: each commit is on the disk before it is acknowledged. It costs one fsync per write (two a
  // second, in the worker thread), and a power cut then loses no acknowledged write.
  db.exec('PRAGMA synchronous = FULL')
  db.exec('PRAGMA cache_size = -32768')
  db.exec('PRAGMA temp_store = MEMORY')
  const version = Number(db.prepare('PRAGMA user_version').get()?.['user_version'] ?? 0)
  if (version > SCHEMA_VERSION) throw new NewerSchemaError(version)
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.exec('BEGIN IMMEDIATE')
    try {
      MIGRATIONS[v]!(db)
      db.exec(`PRAGMA user_version = ${v + 1}`)
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
}
