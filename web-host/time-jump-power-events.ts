import type { PowerEvents } from '../core/ports/power-events'

const CHECK_EVERY_MS = 5_000
const JUMP_THRESHOLD_MS = 30_000

/**
 * Node has no resume event: a periodic check that finds far more wall time passed than it waited
 * means the machine slept (or its clock jumped), which the session treats like a resume.
 */
export function createTimeJumpPowerEvents(now: () => number = Date.now): PowerEvents & { stop(): void } {
  const listeners = new Set<() => void>()
  let last = now()
  const timer = setInterval(() => {
    const current = now()
    const elapsed = current - last
    last = current
    if (elapsed > CHECK_EVERY_MS + JUMP_THRESHOLD_MS || elapsed < 0) listeners.forEach((fn) => fn())
  }, CHECK_EVERY_MS)
  timer.unref()
  return {
    onResume(fn) {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
    stop: () => clearInterval(timer),
  }
}
