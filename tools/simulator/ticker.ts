import type { TickResult } from './types'

export interface Ticker {
  /** Runs one tick after any tick already running (manual ticks never overlap either). */
  tick(): Promise<TickResult>
  /** Timer ticks dropped because the previous one was still delivering. */
  readonly skipped: number
  stop(): void
}

/**
 * Drives `run` every `tickMs` when `auto`. A slow webhook must not pile up ticks without bound, so a
 * timer tick that finds the previous one still running is skipped (and counted) rather than queued.
 */
export function createTicker(run: () => Promise<TickResult>, tickMs: number, auto: boolean): Ticker {
  let inFlight: Promise<TickResult> | null = null
  let skipped = 0
  let stopped = false

  const start = (): Promise<TickResult> => {
    const current = run().finally(() => {
      if (inFlight === current) inFlight = null
    })
    inFlight = current
    return current
  }

  const timer = auto
    ? setInterval(() => {
        if (stopped) return
        if (inFlight) {
          skipped += 1
          return
        }
        // run() never rejects by contract; the catch only keeps a bug from becoming a process crash.
        start().catch(() => undefined)
      }, tickMs)
    : null
  // A simulator inside tests or the app must never keep the process alive on its own.
  timer?.unref()

  return {
    async tick() {
      while (inFlight) await inFlight.catch(() => undefined)
      return start()
    },
    get skipped() {
      return skipped
    },
    stop() {
      stopped = true
      if (timer) clearInterval(timer)
    },
  }
}
