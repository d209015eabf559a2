import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTimeJumpPowerEvents } from './time-jump-power-events'

// The browser host has no powerMonitor: a wall-clock jump between two checks stands for a resume.
describe('createTimeJumpPowerEvents', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('reports a resume when far more wall time passed than the check waited, or the clock went back', () => {
    let wall = 1_000_000
    const events = createTimeJumpPowerEvents(() => wall)
    const resumed = vi.fn()
    const unsubscribe = events.onResume(resumed)
    wall += 5_000
    vi.advanceTimersByTime(5_000)
    expect(resumed).not.toHaveBeenCalled()
    wall += 5_000 + 60 * 60_000 // the laptop slept for an hour between two checks
    vi.advanceTimersByTime(5_000)
    expect(resumed).toHaveBeenCalledTimes(1)
    wall -= 10 * 60_000 // the clock was set back
    vi.advanceTimersByTime(5_000)
    expect(resumed).toHaveBeenCalledTimes(2)
    unsubscribe()
    wall += 2 * 60 * 60_000
    vi.advanceTimersByTime(5_000)
    expect(resumed).toHaveBeenCalledTimes(2)
    events.stop()
  })
})
