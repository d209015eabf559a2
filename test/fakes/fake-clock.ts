import { clampDelay } from '../../core/ports/clock'
import type { Clock } from '../../core/ports/clock'

interface PendingTimer {
  id: number
  dueAt: number
  fn: () => void
}

/**
 * A Clock for tests: time moves only when the test says so. `advance` fires due timers in order (each
 * one sees `now()` at its own due time); `jump` moves the wall clock without firing anything, the way a
 * sleeping laptop does, so the next `advance` fires the overdue timers late.
 */
export class FakeClock implements Clock {
  private current: number
  private nextId = 1
  private timers: PendingTimer[] = []

  constructor(startMs = Date.UTC(2025, 0, 15, 10, 0, 0)) {
    this.current = startMs
  }

  now(): number {
    return this.current
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer: PendingTimer = { id: this.nextId++, dueAt: this.current + clampDelay(ms), fn }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((pending) => pending.id !== timer.id)
    }
  }

  /** Moves time forward by ms, firing every timer that falls due, earliest first (ties in creation order). */
  advance(ms: number): void {
    const target = this.current + Math.max(0, ms)
    for (;;) {
      const next = this.nextDue(target)
      if (!next) break
      this.timers = this.timers.filter((pending) => pending.id !== next.id)
      this.current = Math.max(this.current, next.dueAt)
      next.fn()
    }
    this.current = target
  }

  /** Like advance, but lets promise callbacks run after each timer, so async code can react in between. */
  async tick(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms)
    await flushPromises()
    for (;;) {
      const next = this.nextDue(target)
      if (!next) break
      this.timers = this.timers.filter((pending) => pending.id !== next.id)
      this.current = Math.max(this.current, next.dueAt)
      next.fn()
      await flushPromises()
    }
    this.current = target
    await flushPromises()
  }

  /** Moves the wall clock (sleep, or the user changing the time) without firing any timer. */
  jump(ms: number): void {
    this.current += ms
  }

  /** Number of timers still waiting. */
  pendingCount(): number {
    return this.timers.length
  }

  /** Due time of the earliest waiting timer, or null. */
  nextTimerAt(): number | null {
    const first = this.nextDue(Number.POSITIVE_INFINITY)
    return first ? first.dueAt : null
  }

  private nextDue(limit: number): PendingTimer | undefined {
    let best: PendingTimer | undefined
    for (const timer of this.timers) {
      if (timer.dueAt > limit) continue
      if (!best || timer.dueAt < best.dueAt || (timer.dueAt === best.dueAt && timer.id < best.id))
        best = timer
    }
    return best
  }
}

/** Lets every queued promise callback run (several rounds, for chains of awaits). Not a wall-clock wait. */
export async function flushPromises(rounds = 20): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}
