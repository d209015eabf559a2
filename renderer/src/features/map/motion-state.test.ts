import { describe, expect, it } from 'vitest'
import { codeFromStatus } from '../../../../shared/domain/telemetry'
import type { AssetStatus, TelemetryBatch } from '../../../../shared/domain/telemetry'
import { applyBatch, createColumns } from '../../store/telemetry-columns'
import { mercatorX, mercatorY } from './mercator'
import { MotionState } from './motion-state'

function fix(
  lat: number,
  lng: number,
  fixTime: number,
  heading = 0,
  status: AssetStatus = 'live',
): TelemetryBatch {
  return {
    newSlots: [{ slot: 0, assetId: 'truck-1' }],
    slot: Uint32Array.of(0),
    lat: Float64Array.of(lat),
    lng: Float64Array.of(lng),
    speed: Float32Array.of(40),
    heading: Float32Array.of(heading),
    fixTime: Float64Array.of(fixTime),
    status: Uint8Array.of(codeFromStatus(status)),
  }
}

function setup() {
  const cols = createColumns()
  const motion = new MotionState()
  const feed = (batch: TelemetryBatch, now: number, glide = true) => {
    applyBatch(cols, batch)
    motion.update(cols, now, glide)
  }
  const drawnLat = (now: number) => {
    motion.sample(cols.size, now)
    return motion.y[0] ?? Number.NaN
  }
  return { motion, feed, drawnLat }
}

describe('MotionState', () => {
  it('draws the first fix where it is, then glides to the next over the report interval', () => {
    const { motion, feed, drawnLat } = setup()
    feed(fix(19.4, -99.1, 10_000), 0)
    expect(drawnLat(0)).toBeCloseTo(mercatorY(19.4), 12)
    expect(motion.x[0]).toBeCloseTo(mercatorX(-99.1), 12)
    feed(fix(19.4002, -99.1, 11_000), 100)
    expect(motion.isGliding(600)).toBe(true)
    const old = mercatorY(19.4)
    const next = mercatorY(19.4002)
    const mid = drawnLat(600)
    // Strictly between the two fixes halfway through the one-second interval (north is smaller y).
    expect(mid).toBeLessThan(old)
    expect(mid).toBeGreaterThan(next)
    expect(mid).toBeCloseTo((old + next) / 2, 12)
    expect(drawnLat(1100)).toBeCloseTo(next, 12)
    expect(motion.isGliding(1100)).toBe(false)
  })

  it('starts the next glide from where the vehicle is drawn, not from the last fix', () => {
    const { feed, drawnLat } = setup()
    feed(fix(19.4, -99.1, 10_000), 0)
    feed(fix(19.4002, -99.1, 11_000), 0)
    const halfway = drawnLat(500)
    feed(fix(19.4004, -99.1, 12_000), 500)
    expect(drawnLat(500)).toBeCloseTo(halfway, 12)
  })

  it('jumps across a gap, an out-of-order fix, a stale vehicle and when motion is off', () => {
    const cases: [TelemetryBatch, boolean][] = [
      [fix(19.5, -99.1, 11_000), true],
      [fix(19.4002, -99.1, 9_000), true],
      [fix(19.4002, -99.1, 11_000, 0, 'stale'), true],
      [fix(19.4002, -99.1, 11_000), false],
    ]
    for (const [next, glide] of cases) {
      const { feed, drawnLat } = setup()
      feed(fix(19.4, -99.1, 10_000), 0)
      feed(next, 100, glide)
      expect(drawnLat(101)).toBeCloseTo(mercatorY(next.lat[0] ?? 0), 12)
    }
  })

  it('turns the heading the short way round during the glide', () => {
    const { motion, feed } = setup()
    feed(fix(19.4, -99.1, 10_000, 350), 0)
    feed(fix(19.4002, -99.1, 11_000, 10), 0)
    motion.sample(1, 400)
    expect(motion.heading[0]).toBeCloseTo(0, 3)
  })

  it('forgets everything on reset: the next fix jumps', () => {
    const { motion, feed, drawnLat } = setup()
    feed(fix(19.4, -99.1, 10_000), 0)
    motion.reset()
    feed(fix(19.4002, -99.1, 11_000), 0)
    expect(drawnLat(1)).toBeCloseTo(mercatorY(19.4002), 12)
  })
})

describe('MotionState and a vehicle out of touch', () => {
  it('jumps to the first fix after the vehicle was stale, even a nearby one', () => {
    const { feed, drawnLat } = setup()
    feed(fix(19.4, -99.1, 10_000), 0)
    feed(fix(19.4, -99.1, 10_000, 0, 'stale'), 50)
    feed(fix(19.4002, -99.1, 11_000), 100)
    expect(drawnLat(101)).toBeCloseTo(mercatorY(19.4002), 12)
  })
})

describe('MotionState pace', () => {
  it('says how fast the fastest glide moves and turns, and nothing once every glide is over', () => {
    const { motion, feed } = setup()
    feed(fix(19.4, -99.1, 10_000, 0), 0)
    feed(fix(19.4002, -99.1, 11_000, 90), 0)
    const during = motion.sample(1, 100)
    expect(during.movePerMs).toBeCloseTo((mercatorY(19.4) - mercatorY(19.4002)) / 1000, 15)
    // 90° over the 800 ms a turn may take.
    expect(during.turnPerMs).toBeCloseTo(90 / 800, 6)
    expect(motion.glideEnd).toBe(1000)
    expect(motion.sample(1, 1000)).toEqual({ movePerMs: 0, turnPerMs: 0 })
  })
})
