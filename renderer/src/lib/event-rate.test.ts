import { describe, expect, it } from 'vitest'
import { addSample, ratePerSecond } from './event-rate'
import type { CounterSample } from './event-rate'

describe('event rate', () => {
  it('averages a counter over its last ten seconds', () => {
    let samples: CounterSample[] = []
    for (let s = 0; s <= 20; s++) samples = addSample(samples, { at: s * 1000, count: s * 50 })
    expect(samples[0]?.at).toBe(10_000)
    expect(ratePerSecond(samples, 20_000)).toBe(50)
  })

  it('decays when nothing arrives, and starts over when the counter resets', () => {
    const samples = [
      { at: 0, count: 0 },
      { at: 1000, count: 100 },
    ]
    expect(ratePerSecond(samples, 1000)).toBe(100)
    expect(ratePerSecond(samples, 5000)).toBe(20)
    expect(addSample(samples, { at: 2000, count: 3 })).toEqual([{ at: 2000, count: 3 }])
    expect(ratePerSecond([{ at: 0, count: 5 }], 1000)).toBe(0)
  })
})
