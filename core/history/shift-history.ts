import { join } from 'node:path'
import type { Alarm } from '../../shared/domain/alarms'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { AppError } from '../../shared/domain/errors'
import type {
  FleetFrame,
  HistoryHealth,
  HistoryRange,
  HistoryState,
  HistoryTracks,
} from '../../shared/domain/history'
import type { Clock } from '../ports/clock'
import type { Logger } from '../logging/logger'
import type { TelemetryEvent } from '../telemetry/telemetry-event'
import { FixRecorder } from './fix-recorder'
import { HistoryClient } from './history-client'
import type { HistoryWorkerSpec } from './history-client'
import { HISTORY_FILE } from './history-file'
import type { HistoryOp, HistoryOps } from './worker-protocol'
import { toErrorInfo } from '../errors/app-errors'
import type { RetentionPolicy } from './pruner'

export interface ShiftHistoryOptions {
  /** The worker's script; absent: this host records no history (calls say 'history-off'). */
  worker?: HistoryWorkerSpec
  clock: Clock
  logger: Logger
  /** A notice the user must hear about once (the file was moved aside, or cannot be used). */
  onNotice(notice: AppErrorInfo): void
}

/**
 * The shift's memory as the app sees it: accepted fixes recorded off the request path, the fleet
 * restored at sign-in, tracks and whole-fleet frames for replay, the alarm inbox's rows, and the
 * file's health. The database itself lives in a worker thread (history-worker.ts).
 */
export class ShiftHistory {
  private client: HistoryClient | null = null
  private recorder: FixRecorder | null = null
  private state: HistoryState = 'off'
  private lastError: AppErrorInfo | null = null
  private closing = false

  constructor(private readonly options: ShiftHistoryOptions) {}

  /** Opens (or creates) the history file in the data folder; resolves once it can be used. */
  async start(dataDir: string, retention: RetentionPolicy): Promise<void> {
    const { worker, logger } = this.options
    if (!worker) return
    this.state = 'opening'
    const client = new HistoryClient(
      worker,
      {
        onAppended: (_seq, fixes) => this.recorder?.committedWrite(fixes),
        onNotice: (notice) => this.options.onNotice(notice),
        onProblem: (error) => (this.lastError = error),
        onGone: (error) => {
          if (this.closing) return
          this.state = 'error'
          this.lastError = error
          this.options.onNotice(error)
        },
      },
      logger,
    )
    this.client = client
    this.recorder = new FixRecorder(client, this.options.clock)
    try {
      const opened = await client.call('open', { path: join(dataDir, HISTORY_FILE), retention })
      this.state = opened.state
    } catch (error) {
      // The driver would not load (built for another ABI, missing): the desk runs live without history.
      this.state = 'error'
      this.lastError = toErrorInfo(error)
      logger.error('the history database could not be opened', { error })
      const detail = this.lastError.facts?.detail ?? this.lastError.code
      this.options.onNotice({
        code: 'history-unavailable',
        facts: { target: join(dataDir, HISTORY_FILE), detail },
      })
    }
  }

  get available(): boolean {
    return this.state === 'ready' || this.state === 'memory'
  }

  /** Whose fixes are recorded from now on (null: signed out). */
  useScope(scope: string | null): void {
    this.recorder?.useScope(scope)
  }

  /** Accepted fixes: buffered here, written by the worker within FLUSH_EVERY_MS. */
  record(events: readonly TelemetryEvent[]): void {
    if (this.available) this.recorder?.record(events)
  }

  /** The fleet as last recorded: each vehicle's newest fix up to now. */
  restore(scope: string): Promise<FleetFrame> {
    return this.fleetAt(scope, this.options.clock.now())
  }

  fleetAt(scope: string, at: number): Promise<FleetFrame> {
    return this.call('fleetAt', { scope, at })
  }

  tracks(scope: string, assetIds: string[], from: number, to: number): Promise<HistoryTracks> {
    return this.call('tracks', { scope, assetIds, from, to })
  }

  range(scope: string): Promise<HistoryRange> {
    return this.call('range', { scope })
  }

  setRetention(retention: RetentionPolicy): void {
    if (this.available) void this.call('retention', retention).catch((error: unknown) => this.failed(error))
  }

  saveAlarms(scope: string, alarms: Alarm[]): void {
    if (this.available && alarms.length > 0)
      void this.call('saveAlarms', { scope, alarms }).catch((error: unknown) => this.failed(error))
  }

  async loadAlarms(scope: string, limit: number): Promise<{ alarms: Alarm[]; nextId: number }> {
    return this.available ? this.call('loadAlarms', { scope, limit }) : { alarms: [], nextId: 1 }
  }

  /** Folds the tail into chunks now (tests and the bench). */
  compact(): Promise<{ fixes: number }> {
    return this.call('compact', {})
  }

  async health(): Promise<HistoryHealth> {
    const base = {
      state: this.state,
      droppedFixes: this.recorder?.dropped ?? 0,
      lastError: this.lastError,
    }
    if (!this.available) {
      return { ...base, fileBytes: 0, usedBytes: 0, fixes: 0, oldestFix: null, writesPerSecond: 0 }
    }
    return { ...base, ...(await this.call('stats', {})) }
  }

  /** Sends what is buffered, lets it land, and closes the file. */
  async stop(): Promise<void> {
    this.recorder?.stop()
    this.closing = true
    await this.client?.close()
  }

  private call<K extends HistoryOp>(op: K, args: HistoryOps[K]['args']): Promise<HistoryOps[K]['result']> {
    if (!this.client || !this.available) return Promise.reject(new AppError({ code: 'history-off' }))
    return this.client.call(op, args)
  }

  private failed(error: unknown): void {
    this.lastError = toErrorInfo(error)
  }
}
