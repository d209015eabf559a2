import type { Clock } from '../ports/clock'

/** A manual Clock for tests: time moves only through advance(), which fires due timers in order. */
export class TestClock implements Clock {
  private timers: { at: number; seq: number; fn: () => void }[] = []
  private seq = 0

  constructor(private current = 0) {}

  now(): number {
    return this.current
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  get pendingTimers(): number {
    return this.timers.length
  }

  advance(ms: number): void {
    const target = this.current + ms
    for (;;) {
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!next) break
      this.timers = this.timers.filter((t) => t !== next)
      this.current = next.at
      next.fn()
    }
    this.current = target
  }
}
