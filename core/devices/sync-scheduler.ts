import type { DeviceSyncState } from '../../shared/domain/device'
import type { Clock } from '../ports/clock'
import type { Logger } from '../logging/logger'

/** After a failed sync (API unreachable, 5xx), try again this soon instead of waiting a whole period. */
export const RETRY_AFTER_FAILURE_MS = 30_000

export interface SyncSchedulerDeps {
  clock: Clock
  logger: Logger
  /** Runs one sync (joins a running one). */
  refresh(): Promise<DeviceSyncState>
  /** The configured period, read at every scheduling so a settings change applies to the next run. */
  intervalMs(): number
}

/**
 * Periodic device sync while signed in: every `intervalMs`, sooner after a failure (the network may be
 * back), and at once on `kick()` (resume from sleep, the network coming back).
 */
export class SyncScheduler {
  private cancelTimer: (() => void) | null = null
  private running = false

  constructor(private readonly deps: SyncSchedulerDeps) {}

  /** Starts the schedule; the first run is one period away (the caller syncs at sign-in itself). */
  start(): void {
    this.running = true
    this.schedule(this.deps.intervalMs())
  }

  stop(): void {
    this.running = false
    this.cancelTimer?.()
    this.cancelTimer = null
  }

  /** Re-arms the timer after the period changed. */
  reschedule(): void {
    if (this.running) this.schedule(this.deps.intervalMs())
  }

  /** Syncs now (reconnect, resume) and restarts the period from the result. */
  kick(): Promise<void> {
    if (!this.running) return Promise.resolve()
    this.cancelTimer?.()
    this.cancelTimer = null
    return this.run()
  }

  private schedule(delay: number): void {
    this.cancelTimer?.()
    this.cancelTimer = this.deps.clock.setTimer(() => void this.run(), delay)
  }

  private async run(): Promise<void> {
    let failed: boolean
    try {
      failed = (await this.deps.refresh()).phase === 'error'
    } catch (error) {
      failed = true
      this.deps.logger.warn('scheduled device sync failed', { error })
    }
    if (!this.running) return
    const period = this.deps.intervalMs()
    this.schedule(failed ? Math.min(period, RETRY_AFTER_FAILURE_MS) : period)
  }
}
