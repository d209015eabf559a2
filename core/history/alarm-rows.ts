import type { Alarm, AlarmKind, AlarmState } from '../../shared/domain/alarms'
import type { SqlRow, SqlValue } from '../ports/sql-database'
import type { HistoryDb } from './history-db'
import { num } from './history-db'

/** An alarm as the file keeps it (the same record the inbox holds). */
export type StoredAlarm = Alarm

const COLUMNS = 'id, asset_id, kind, raised_at, speed, state, ended_at, acked_at, acked_by, note, cleared_at'

/** The alarm inbox's rows: written through as they change, read back at sign-in. */
export class AlarmRows {
  constructor(private readonly h: HistoryDb) {}

  save(scope: number, alarms: readonly StoredAlarm[]): void {
    if (alarms.length === 0) return
    const upsert = this.h.stmt(
      `INSERT OR REPLACE INTO alarms (scope, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.h.transaction(() => {
      for (const a of alarms) {
        upsert.run(
          scope,
          a.id,
          a.assetId,
          a.kind,
          a.raisedAt,
          a.speed,
          a.state,
          a.endedAt,
          a.acknowledgedAt,
          a.acknowledgedBy,
          a.note,
          a.clearedAt,
        )
      }
    })
  }

  /** The newest alarms of a scope and every one not yet cleared, newest first; and the next free id. */
  load(scope: number, limit: number): { alarms: StoredAlarm[]; nextId: number } {
    const rows = this.h
      .stmt(
        `SELECT ${COLUMNS} FROM alarms WHERE scope = ? AND (state != 'cleared' OR id IN
           (SELECT id FROM alarms WHERE scope = ? ORDER BY raised_at DESC LIMIT ?))
         ORDER BY raised_at DESC, id DESC`,
      )
      .all(scope, scope, limit)
    const nextId = num(this.h.stmt('SELECT coalesce(max(id), 0) + 1 AS next FROM alarms').get()?.['next'])
    return { alarms: rows.map(toAlarm), nextId }
  }
}

function toAlarm(row: SqlRow): StoredAlarm {
  return {
    id: num(row['id']),
    assetId: String(row['asset_id']),
    kind: String(row['kind']) as AlarmKind,
    raisedAt: num(row['raised_at']),
    speed: orNull(row['speed']),
    state: String(row['state']) as AlarmState,
    endedAt: orNull(row['ended_at']),
    acknowledgedAt: orNull(row['acked_at']),
    acknowledgedBy: row['acked_by'] === null ? null : String(row['acked_by']),
    note: row['note'] === null ? null : String(row['note']),
    clearedAt: orNull(row['cleared_at']),
  }
}

function orNull(value: SqlValue | undefined): number | null {
  return value === null || value === undefined ? null : num(value)
}
