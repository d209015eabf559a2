/** Time, injected so schedules can be tested with a fake clock. */
export interface Clock {
  /** Wall-clock epoch ms. */
  now(): number
  /** Schedules fn after ms (clamped by the implementation to Node's 2^31−1 limit); returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void
}

/** Node's timers overflow past 2^31−1 ms and fire at once; every delay goes through this. */
export const MAX_TIMER_MS = 2 ** 31 - 1

export function clampDelay(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) return 0
  return Math.min(ms, MAX_TIMER_MS)
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const handle = setTimeout(fn, clampDelay(ms))
    handle.unref?.()
    return () => clearTimeout(handle)
  },
}
