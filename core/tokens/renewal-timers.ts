import type { Clock } from '../ports/clock'
import { clampDelay } from '../ports/clock'

/**
 * The two timers of a token: the planned renewal and the pause before a retry. One `cancel()` stops
 * both, and a cancelled retry pause resolves at once so the waiting renewal can see it was superseded.
 */
export class RenewalTimers {
  private cancelRenewal: (() => void) | null = null
  private cancelPause: (() => void) | null = null

  constructor(private readonly clock: Clock) {}

  /** Fires `onFire(lateByMs)` at local time `fireAt` (clamped to Node's 2^31−1 ms timer limit). */
  armRenewal(fireAt: number, onFire: (lateByMs: number) => void): void {
    this.cancelRenewal?.()
    this.cancelRenewal = this.clock.setTimer(
      () => {
        this.cancelRenewal = null
        onFire(this.clock.now() - fireAt)
      },
      clampDelay(fireAt - this.clock.now()),
    )
  }

  disarmRenewal(): void {
    this.cancelRenewal?.()
    this.cancelRenewal = null
  }

  pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const cancelTimer = this.clock.setTimer(() => {
        this.cancelPause = null
        resolve()
      }, ms)
      this.cancelPause = () => {
        cancelTimer()
        resolve()
      }
    })
  }

  cancel(): void {
    this.disarmRenewal()
    const cancelPause = this.cancelPause
    this.cancelPause = null
    cancelPause?.()
  }
}
