import { closeSync, existsSync, openSync, renameSync } from 'node:fs'
import type { AppErrorInfo } from '../../shared/domain/errors'
import type { OpenSqlDatabase } from '../ports/sql-database'
import { HistoryDb } from './history-db'
import { NewerSchemaError } from './history-schema'

export const HISTORY_FILE = 'history.sqlite'
/** SQLite's companions of a WAL database: moved together with it, or the old log would replay into a new file. */
const COMPANIONS = ['-wal', '-shm'] as const

export interface OpenedHistory {
  db: HistoryDb
  /** 'memory': the file could not be used; this run keeps its history in memory only. */
  state: 'ready' | 'memory'
  /** What the user must hear about once (the file moved aside, or why it cannot be used). */
  notice: AppErrorInfo | null
}

/**
 * Opens the history file, as the settings file is opened: one that cannot be read is moved aside
 * (with its log) and a new one started, so the user's data is never overwritten and the desk keeps
 * recording; if even a new file cannot be made, the history lives in memory for this run. A file from
 * a newer version is left alone: a downgrade must not destroy it.
 */
export function openHistoryFile(path: string, open: OpenSqlDatabase, now: number): OpenedHistory {
  try {
    return { db: openPrivate(path, open), state: 'ready', notice: null }
  } catch (error) {
    if (error instanceof NewerSchemaError) {
      return inMemory(open, { code: 'history-newer', facts: { target: path } })
    }
    return startOver(path, open, now, messageOf(error))
  }
}

/**
 * Moves an unusable file aside (with its log) and starts a new one; the notice says where the old
 * one went. If even that fails, this run keeps its history in memory.
 */
export function startOver(path: string, open: OpenSqlDatabase, now: number, detail: string): OpenedHistory {
  const aside = `${path}.corrupt-${now}`
  try {
    renameSync(path, aside)
    for (const suffix of COMPANIONS) {
      if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix)
    }
    return {
      db: openPrivate(path, open),
      state: 'ready',
      notice: { code: 'history-damaged', facts: { target: aside, detail } },
    }
  } catch (error) {
    return inMemory(open, {
      code: 'history-unavailable',
      facts: { target: path, detail: `${detail}; ${messageOf(error)}` },
    })
  }
}

/** Damage found after opening (a page read failed): the same remedy applies at the next open. */
export function isDamage(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown }
  return (
    code === 'SQLITE_CORRUPT' ||
    code === 'SQLITE_NOTADB' ||
    /malformed|not a database|file is not a database/i.test(messageOf(error))
  )
}

/** The file is created 0600 before SQLite opens it (its log and shared-memory files copy that mode). */
function openPrivate(path: string, open: OpenSqlDatabase): HistoryDb {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600))
  const sql = open(path)
  try {
    const db = new HistoryDb(sql)
    // A header that parses but pages that do not: found now rather than at the first query.
    db.stmt('SELECT count(*) FROM scopes').get()
    return db
  } catch (error) {
    sql.close()
    throw error
  }
}

function inMemory(open: OpenSqlDatabase, notice: AppErrorInfo): OpenedHistory {
  return { db: new HistoryDb(open(':memory:')), state: 'memory', notice }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
