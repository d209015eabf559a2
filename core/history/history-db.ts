import type { SqlDatabase, SqlStatement, SqlValue } from '../ports/sql-database'
import { prepareSchema } from './history-schema'

/**
 * The open history file: statements prepared once, transactions, and the small lookups every part
 * shares (scope ids, vehicle keys, counters). Synchronous; it lives in the history worker.
 */
export class HistoryDb {
  private readonly statements = new Map<string, SqlStatement>()
  private readonly scopeIds = new Map<string, number>()
  /** Per scope id: assetId → key, filled from the table on first use. */
  private readonly assetKeys = new Map<number, Map<string, number>>()

  constructor(readonly db: SqlDatabase) {
    prepareSchema(db)
  }

  /** The statement for `sql`, prepared on first use. */
  stmt(sql: string): SqlStatement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  /** Runs `fn` in one write transaction: all of it lands, or none. */
  transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const result = fn()
      this.db.exec('COMMIT')
      return result
    } catch (error) {
      try {
        this.db.exec('ROLLBACK')
      } catch {
        // The failure that got us here is the one worth reporting.
      }
      throw error
    }
  }

  /** The id of a scope (API URL + organization), created on first use. */
  scopeId(key: string): number {
    const known = this.scopeIds.get(key)
    if (known !== undefined) return known
    this.stmt('INSERT OR IGNORE INTO scopes (key) VALUES (?)').run(key)
    const id = num(this.stmt('SELECT id FROM scopes WHERE key = ?').get(key)?.['id'])
    this.scopeIds.set(key, id)
    return id
  }

  /** Every vehicle of a scope the file knows: key → assetId. */
  assetsOf(scope: number): Map<number, string> {
    const byId = new Map<number, string>()
    for (const [assetId, key] of this.keysOf(scope)) byId.set(key, assetId)
    return byId
  }

  /** The key of a vehicle, or undefined when the file has never held it. */
  existingKey(scope: number, assetId: string): number | undefined {
    return this.keysOf(scope).get(assetId)
  }

  /** Keys for these vehicles, created where missing (call inside a transaction). */
  keysFor(scope: number, assetIds: readonly string[]): number[] {
    const keys = this.keysOf(scope)
    const insert = this.stmt('INSERT INTO assets (scope, asset_id) VALUES (?, ?)')
    return assetIds.map((assetId) => {
      let key = keys.get(assetId)
      if (key === undefined) {
        key = num(insert.run(scope, assetId).lastInsertRowid)
        keys.set(assetId, key)
      }
      return key
    })
  }

  /** Adds `delta` to a running total. */
  addToCounter(name: string, delta: number): void {
    if (delta !== 0) this.stmt('UPDATE counters SET value = value + ? WHERE name = ?').run(delta, name)
  }

  counter(name: string): number {
    return num(this.stmt('SELECT value FROM counters WHERE name = ?').get(name)?.['value'])
  }

  /** One value of a PRAGMA that reports a number (page_count, freelist_count…). */
  pragmaNumber(name: string): number {
    const row = this.db.prepare(`PRAGMA ${name}`).get()
    return num(row ? Object.values(row)[0] : 0)
  }

  close(): void {
    this.statements.clear()
    this.db.close()
  }

  private keysOf(scope: number): Map<string, number> {
    let keys = this.assetKeys.get(scope)
    if (!keys) {
      keys = new Map()
      for (const row of this.stmt('SELECT id, asset_id FROM assets WHERE scope = ?').all(scope)) {
        keys.set(String(row['asset_id']), num(row['id']))
      }
      this.assetKeys.set(scope, keys)
    }
    return keys
  }
}

/** A column's number (SQLite hands back a bigint only past 2^53, which no key or count reaches). */
export function num(value: SqlValue | undefined): number {
  return typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : 0
}
