import type { AppErrorInfo } from '../../shared/domain/errors'
import type { FleetFrame, HistoryHealth, HistoryRange, HistoryTracks } from '../../shared/domain/history'
import type { StoredAlarm } from './alarm-rows'
import type { FixColumns } from './fix-columns'
import type { RetentionPolicy } from './pruner'

/** One write of the recorder: fixes column-wise, `asset` indexing into `assets` (this write's vehicles). */
export interface AppendBatch extends Omit<FixColumns, 'length'> {
  scope: string
  assets: string[]
}

/** Every request the worker answers: its argument and its result. */
export interface HistoryOps {
  open: { args: { path: string; retention: RetentionPolicy }; result: { state: 'ready' | 'memory' } }
  fleetAt: { args: { scope: string; at: number }; result: FleetFrame }
  tracks: {
    args: { scope: string; assetIds: string[]; from: number; to: number }
    result: HistoryTracks
  }
  range: { args: { scope: string }; result: HistoryRange }
  stats: { args: Record<string, never>; result: Omit<HistoryHealth, 'state' | 'droppedFixes' | 'lastError'> }
  retention: { args: RetentionPolicy; result: null }
  saveAlarms: { args: { scope: string; alarms: StoredAlarm[] }; result: null }
  loadAlarms: { args: { scope: string; limit: number }; result: { alarms: StoredAlarm[]; nextId: number } }
  /** Folds the tail into chunks now (tests and the bench; the worker does it every minute). */
  compact: { args: Record<string, never>; result: { fixes: number } }
  close: { args: Record<string, never>; result: null }
}

export type HistoryOp = keyof HistoryOps

/** Main → worker. */
export type ToWorker =
  | { kind: 'call'; id: number; op: HistoryOp; args: unknown }
  | { kind: 'append'; seq: number; batch: AppendBatch }

/** Worker → main. */
export type FromWorker =
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: AppErrorInfo }
  /** Write `seq` is committed: `fixes` fixes are on disk. */
  | { kind: 'appended'; seq: number; fixes: number }
  /** Something the user must hear about once (the file was moved aside). */
  | { kind: 'notice'; notice: AppErrorInfo }
  /** A background failure (compaction, pruning, a write): the Health panel's last error. */
  | { kind: 'problem'; error: AppErrorInfo }
