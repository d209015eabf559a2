import { describe, expect, it } from 'vitest'
import { dataPaintDelay } from './paint-duty'

describe('dataPaintDelay', () => {
  it('paints cheap frames at once, whatever the timing', () => {
    expect(dataPaintDelay(5, 1_000, 1_001, 8)).toBe(0)
  })

  it('holds an expensive paint back until the main thread has had as long as the last paint took', () => {
    // A 90 ms paint (50k vehicles) that ended at t=1000: the next waits until t=1090.
    expect(dataPaintDelay(90, 1_000, 1_010, 8)).toBe(80)
    expect(dataPaintDelay(90, 1_000, 1_090, 8)).toBe(0)
    expect(dataPaintDelay(90, 1_000, 1_200, 8)).toBeLessThan(0)
  })

  it('delays a 26 ms paint (10k vehicles) at most a few ms at the 50 ms batch beat', () => {
    // The next batch comes 50 ms after the last; the paint it caused started up to a frame later.
    expect(dataPaintDelay(26, 1_000, 1_030, 8)).toBeLessThanOrEqual(0)
    expect(dataPaintDelay(26, 1_000, 1_024, 8)).toBe(2)
  })
})
