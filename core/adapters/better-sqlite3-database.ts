import { createRequire } from 'node:module'
import type { OpenSqlDatabase, SqlDatabase, SqlStatement, SqlValue } from '../ports/sql-database'

import type BetterSqlite3 from 'better-sqlite3'

type DatabaseConstructor = typeof BetterSqlite3

let driver: DatabaseConstructor | null = null

/**
 * Loaded on first use, through require: a native module that failed to build (or was built for
 * another ABI, e.g. Node's instead of Electron's) then fails the history alone, with its reason,
 * and the desk keeps running live.
 */
function load(): DatabaseConstructor {
  driver ??= createRequire(import.meta.url)('better-sqlite3') as DatabaseConstructor
  return driver
}

/** better-sqlite3 behind the SqlDatabase port: the only importer of the package. */
export const openBetterSqlite3: OpenSqlDatabase = (path) => {
  const Database = load()
  const db = new Database(path)
  const database: SqlDatabase = {
    exec: (sql) => void db.exec(sql),
    prepare: (sql) => wrap(db.prepare(sql)),
    close: () => db.close(),
  }
  return database
}

function wrap(statement: BetterSqlite3.Statement<SqlValue[]>): SqlStatement {
  // Statements that return no rows (INSERT, DELETE, PRAGMA setters) have no get/all in better-sqlite3.
  const reader = statement.reader
  return {
    run: (...params) => statement.run(...params),
    get: (...params) => (reader ? (statement.get(...params) as ReturnType<SqlStatement['get']>) : undefined),
    all: (...params) => (reader ? (statement.all(...params) as ReturnType<SqlStatement['all']>) : []),
  }
}
