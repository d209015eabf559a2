/** A value SQLite stores: what both better-sqlite3 and Node's built-in `node:sqlite` bind and return. */
export type SqlValue = number | bigint | string | Uint8Array | null

/** One row as the driver returns it: column name → value. */
export type SqlRow = Record<string, SqlValue>

/** A prepared statement: the subset of better-sqlite3's Statement and node:sqlite's StatementSync we use. */
export interface SqlStatement {
  /** Runs a statement that returns no rows; `changes` counts the rows it wrote. */
  run(...params: SqlValue[]): { changes: number | bigint; lastInsertRowid: number | bigint }
  /** The first row, or undefined. */
  get(...params: SqlValue[]): SqlRow | undefined
  /** Every row. */
  all(...params: SqlValue[]): SqlRow[]
}

/**
 * The embedded database, reached through a port so the history room never imports a driver: today
 * better-sqlite3 (core/adapters/better-sqlite3-database.ts), later Node's built-in `node:sqlite`,
 * whose DatabaseSync has this same shape. Synchronous on purpose: it runs in the history worker
 * thread (core/history/history-worker.ts), never on the thread that answers the listener.
 */
export interface SqlDatabase {
  /** Runs one or more statements (schema, pragmas, BEGIN/COMMIT). */
  exec(sql: string): void
  prepare(sql: string): SqlStatement
  close(): void
}

/** Opens (creating when absent) the database file at `path`; throws when the file is not a database. */
export type OpenSqlDatabase = (path: string) => SqlDatabase
