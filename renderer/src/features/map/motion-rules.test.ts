import { describe, expect, it } from 'vitest'
import {
  decideMotion,
  distanceMeters,
  glideFraction,
  MAX_GAP_MS,
  MAX_GLIDE_MS,
  MIN_GLIDE_MS,
  nextInterval,
  trailSegments,
  turnHeading,
} from './motion-rules'

const at = (lat: number, lng: number, fixTime: number, speed = 40) => ({ lat, lng, fixTime, speed })
// About 111 m per 0.001° of latitude.
const A = at(19.4, -99.1, 10_000)

describe('decideMotion', () => {
  it('glides between two nearby fixes one second apart', () => {
    expect(decideMotion(A, at(19.4002, -99.1, 11_000), true)).toBe('glide')
  })

  it('jumps on the first fix, an older fix, a time gap or a vehicle no longer live', () => {
    expect(decideMotion(null, A, true)).toBe('jump')
    expect(decideMotion(A, at(19.4001, -99.1, 9_000), true)).toBe('jump')
    expect(decideMotion(A, at(19.4001, -99.1, A.fixTime + MAX_GAP_MS + 1), true)).toBe('jump')
    expect(decideMotion(A, at(19.4001, -99.1, 11_000), false)).toBe('jump')
  })

  it('jumps across a distance no vehicle could drive at its reported speed', () => {
    // 1.1 km in one second at 40 km/h.
    expect(decideMotion(A, at(19.41, -99.1, 11_000), true)).toBe('jump')
    // The same 1.1 km in 60 s at 60 km/h is plausible.
    expect(decideMotion(at(19.4, -99.1, 0, 60), at(19.41, -99.1, 60_000, 60), true)).toBe('glide')
  })

  it('allows motorway pace when the speed is unknown, and never calls GPS noise a jump', () => {
    expect(decideMotion(at(19.4, -99.1, 0, NaN), at(19.4003, -99.1, 1_000, NaN), true)).toBe('glide')
    expect(decideMotion(at(19.4, -99.1, 0, 0), at(19.4004, -99.1, 100, 0), true)).toBe('glide')
  })

  it('says "same" for the same fix sent again (a status change only)', () => {
    expect(decideMotion(A, { ...A }, false)).toBe('same')
  })
})

describe('turnHeading', () => {
  it('turns the short way round across north', () => {
    expect(turnHeading(350, 10, 0.5)).toBeCloseTo(0)
    expect(turnHeading(10, 350, 0.5)).toBeCloseTo(0)
    expect(turnHeading(10, 350, 0.25)).toBeCloseTo(5)
    expect(turnHeading(90, 270, 1)).toBeCloseTo(270)
  })

  it('takes the new heading as is when either one is unknown', () => {
    expect(turnHeading(Number.NaN, 45, 0.1)).toBe(45)
    expect(turnHeading(45, Number.NaN, 0.1)).toBeNaN()
  })
})

describe('glide timing', () => {
  it('moves linearly and stops at the fix', () => {
    expect(glideFraction(0, 1000)).toBe(0)
    expect(glideFraction(250, 1000)).toBe(0.25)
    expect(glideFraction(5000, 1000)).toBe(1)
    expect(glideFraction(10, 0)).toBe(1)
  })

  it('follows the report interval, smoothed and capped', () => {
    expect(nextInterval(Number.NaN, 1000)).toBe(1000)
    expect(nextInterval(1000, 2000)).toBe(1300)
    expect(nextInterval(Number.NaN, 60_000)).toBe(MAX_GLIDE_MS)
    expect(nextInterval(Number.NaN, 10)).toBe(MIN_GLIDE_MS)
  })
})

describe('trailSegments', () => {
  it('breaks a trail where the map would jump', () => {
    const points = [
      at(19.4, -99.1, 0),
      at(19.4001, -99.1, 1_000),
      at(19.5, -99.1, 2_000),
      at(19.5001, -99.1, 3_000),
    ]
    expect(trailSegments(points).map((s) => s.length)).toEqual([2, 2])
    expect(trailSegments(points.slice(0, 2))).toHaveLength(1)
    expect(trailSegments([])).toEqual([])
    // A pause longer than the desk's "stale after" is a break too.
    const paused = [at(19.4, -99.1, 0), at(19.4001, -99.1, 10_000)]
    expect(trailSegments(paused, 5_000)).toHaveLength(2)
    expect(trailSegments(paused)).toHaveLength(1)
  })
})

describe('distanceMeters', () => {
  it('measures about 111 m per thousandth of a degree of latitude', () => {
    expect(distanceMeters(A, at(19.401, -99.1, 0))).toBeCloseTo(111.2, 0)
  })
})
