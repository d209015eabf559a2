import { describe, expect, it } from 'vitest'
import { ReplayGuard } from './replay-guard'

const body = (n: number) => Buffer.from(JSON.stringify({ assetId: 'a', n }))
const MINUTE = 60_000

describe('ReplayGuard', () => {
  it('refuses the same bytes within the window and forgets them after it', () => {
    const guard = new ReplayGuard({ windowMs: 15 * MINUTE })
    expect(guard.isReplay(body(1), 0)).toBe(false)
    expect(guard.isReplay(body(1), 14 * MINUTE)).toBe(true)
    expect(guard.isReplay(body(2), 14 * MINUTE)).toBe(false)
    // Forgotten once the window (plus the one slice it is rounded to) has passed.
    expect(guard.isReplay(body(1), 17 * MINUTE)).toBe(false)
    expect(guard.isReplay(Buffer.concat([body(3), Buffer.from(' ')]), 17 * MINUTE)).toBe(false)
  })

  it('keeps its memory bounded: past the cap the oldest bodies are forgotten first', () => {
    const guard = new ReplayGuard({ windowMs: 15 * MINUTE, maxEntries: 1000 })
    for (let i = 0; i < 5000; i++) guard.isReplay(body(i), i * 100)
    expect(guard.remembered).toBeLessThanOrEqual(1000)
    expect(guard.forgottenEarly).toBeGreaterThanOrEqual(4000)
    expect(guard.isReplay(body(4999), 500_000)).toBe(true)
    expect(guard.isReplay(body(0), 500_000)).toBe(false)
  })

  it('drops expired slices as time passes, with no traffic needed to age them', () => {
    const guard = new ReplayGuard({ windowMs: 15 * MINUTE })
    for (let i = 0; i < 100; i++) guard.isReplay(body(i), i)
    guard.isReplay(body(1000), 40 * MINUTE)
    expect(guard.remembered).toBe(1)
  })
})
