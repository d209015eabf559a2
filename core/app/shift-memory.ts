import type { AppErrorInfo } from '../../shared/domain/errors'
import { AppError } from '../../shared/domain/errors'
import type { FleetFrame, HistoryRange, HistoryTracks } from '../../shared/domain/history'
import type { SessionState } from '../../shared/domain/session'
import type { Settings } from '../../shared/schemas/settings'
import type { HistoryWorkerSpec } from '../history/history-client'
import { historyScopeOf } from '../history/history-scope'
import type { RetentionPolicy } from '../history/pruner'
import { ShiftHistory } from '../history/shift-history'
import type { Logger } from '../logging/logger'
import type { Clock } from '../ports/clock'
import type { TelemetryPipeline } from './telemetry-pipeline'
import type { AlarmCounts, AlarmKind, AlarmsChange } from '../../shared/domain/alarms'
import { AlarmInbox } from '../alarms/alarm-inbox'
import type { AlarmFilter } from '../alarms/alarm-inbox'
import { startAlarmMonitor } from '../alarms/alarm-monitor'

export interface ShiftMemoryOptions {
  telemetry: TelemetryPipeline
  worker: HistoryWorkerSpec | undefined
  clock: Clock
  logger: Logger
  settings(): Settings
  /** The signed-in user, who acknowledges alarms. */
  user(): string
  notice(notice: AppErrorInfo): void
  /** Alarms raised or changed (pushed to the windows). */
  alarmsChanged(change: AlarmsChange): void
}

/** Retention settings as the worker applies them. */
export function retentionOf(settings: Settings['history']): RetentionPolicy {
  return { maxAgeMs: settings.retentionDays * 86_400_000, maxBytes: settings.maxSizeMiB * 1024 * 1024 }
}

/**
 * The app's memory of the shift (issue 15): accepted fixes recorded, the fleet restored at each
 * sign-in, replay and the file's health. Kept out of FleetApp so the app only says when.
 */
export class ShiftMemory {
  readonly history: ShiftHistory
  readonly alarms: AlarmInbox
  /** Whose history is in use: API URL + organization, or null while signed out. */
  private scope: string | null = null
  /** The scope whose alarms the inbox holds (detection waits until they are loaded). */
  private alarmsScope: string | null = null
  private readonly stopMonitor: () => void

  constructor(private readonly options: ShiftMemoryOptions) {
    this.history = new ShiftHistory({
      ...(options.worker && { worker: options.worker }),
      clock: options.clock,
      logger: options.logger,
      onNotice: (notice) => options.notice(notice),
    })
    options.telemetry.recordAcceptedWith((events) => this.history.record(events))
    this.alarms = new AlarmInbox({
      now: () => options.clock.now(),
      save: (alarms) => {
        if (this.alarmsScope !== null) this.history.saveAlarms(this.alarmsScope, alarms)
      },
      changed: (change) => options.alarmsChanged(change),
    })
    this.stopMonitor = startAlarmMonitor({
      clock: options.clock,
      view: () => options.telemetry.telemetry.watchView(),
      settings: () => options.settings().alarms,
      active: () => this.alarmsScope !== null && this.alarmsScope === this.scope,
      apply: (raised, ended) => this.alarms.apply(raised, ended),
    })
  }

  async start(dataDir: string, settings: Settings): Promise<void> {
    await this.history.start(dataDir, retentionOf(settings.history))
  }

  /** The scope follows the session; a new one restores its fleet's last known positions. */
  sessionChanged(session: SessionState): void {
    const scope = historyScopeOf(session)
    if (scope === this.scope) return
    this.scope = scope
    this.history.useScope(scope)
    this.alarmsScope = null
    this.alarms.reset()
    this.options.alarmsChanged({ alarms: [], raised: [], counts: this.alarms.counts() })
    if (scope === null) return
    if (this.history.available) void this.restore(scope)
    void this.loadAlarms(scope)
  }

  /** Acknowledges one alarm, or every new one of a kind (or of all kinds), as the signed-in user. */
  acknowledgeAlarms(
    target: { id?: number; kind?: AlarmKind },
    note: string | null,
  ): { acknowledged: number } {
    this.signedInScope()
    return { acknowledged: this.alarms.acknowledge(target, this.options.user(), note) }
  }

  listAlarms(filter: AlarmFilter): ReturnType<AlarmInbox['list']> {
    this.signedInScope()
    return this.alarms.list(filter)
  }

  alarmCounts(): AlarmCounts {
    return this.alarms.counts()
  }

  range(): Promise<HistoryRange> {
    return this.history.range(this.signedInScope())
  }

  tracks(assetIds: string[], from: number, to: number): Promise<HistoryTracks> {
    return this.history.tracks(this.signedInScope(), assetIds, from, to)
  }

  fleetAt(at: number): Promise<FleetFrame> {
    return this.history.fleetAt(this.signedInScope(), at)
  }

  /** Replay reads the signed-in organization's history only. */
  private signedInScope(): string {
    if (this.scope === null) throw new AppError({ code: 'signed-out' })
    return this.scope
  }

  applySettings(settings: Settings): void {
    this.history.setRetention(retentionOf(settings.history))
  }

  async stop(): Promise<void> {
    this.stopMonitor()
    await this.history.stop()
  }

  /** The organization's alarms from the file (none when there is no file), then detection starts. */
  private async loadAlarms(scope: string): Promise<void> {
    try {
      const { alarms, nextId } = await this.history.loadAlarms(scope, 1000)
      if (this.scope !== scope) return
      this.alarms.load(alarms, nextId)
    } catch (error) {
      this.options.logger.warn('the alarm inbox could not be read from the history', { error })
      if (this.scope !== scope) return
      this.alarms.load([], 1)
    }
    this.alarmsScope = scope
  }

  private async restore(scope: string): Promise<void> {
    const startedAt = this.options.clock.now()
    try {
      const frame = await this.history.restore(scope)
      // Signed out (or into another org) while the file was read: these positions are not theirs.
      if (this.scope !== scope) return
      const restored = this.options.telemetry.telemetry.restore(frame)
      this.options.logger.info('last known positions restored', {
        vehicles: restored,
        ms: this.options.clock.now() - startedAt,
      })
    } catch (error) {
      this.options.logger.warn('last known positions could not be restored', { error })
    }
  }
}
