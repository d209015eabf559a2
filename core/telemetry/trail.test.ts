import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Trail } from './trail'

const times = (trail: Trail) => trail.points().map((p) => p.fixTime)

describe('Trail', () => {
  it('keeps points sorted, inserting older ones in place and skipping duplicates', () => {
    const trail = new Trail(10)
    expect(trail.insert(10, 1, 1)).toBe(true)
    expect(trail.insert(30, 3, 3)).toBe(true)
    expect(trail.insert(20, 2, 2)).toBe(true)
    expect(trail.insert(20, 9, 9)).toBe(false)
    expect(trail.points()).toEqual([
      { fixTime: 10, lat: 1, lng: 1 },
      { fixTime: 20, lat: 2, lng: 2 },
      { fixTime: 30, lat: 3, lng: 3 },
    ])
  })

  it('evicts the oldest point past the limit and refuses points older than a full trail', () => {
    const trail = new Trail(3)
    for (const t of [1, 2, 3, 4, 5]) trail.insert(t, 0, 0)
    expect(times(trail)).toEqual([3, 4, 5])
    expect(trail.insert(0, 0, 0)).toBe(false)
    trail.insert(3.5, 0, 0)
    expect(times(trail)).toEqual([3.5, 4, 5])
  })

  it('prunes by age and drops points after a cutoff', () => {
    const trail = new Trail(10)
    for (const t of [1, 2, 3, 4, 5]) trail.insert(t, 0, 0)
    trail.pruneBefore(3)
    expect(times(trail)).toEqual([3, 4, 5])
    trail.dropAfter(4)
    expect(times(trail)).toEqual([3, 4])
    trail.insert(6, 0, 0)
    expect(times(trail)).toEqual([3, 4, 6])
  })

  it('matches a sorted, de-duplicated, bounded model for any insertion order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 })),
        fc.integer({ min: 1, max: 40 }),
        (input, max) => {
          const trail = new Trail(max)
          let model: number[] = []
          for (const t of input) {
            if (model.includes(t) || (model.length >= max && t < model[0]!)) continue
            model = [...model, t].sort((a, b) => a - b).slice(-max)
            trail.insert(t, t, -t)
          }
          for (const t of input) trail.insert(t, t, -t)
          expect(times(trail)).toEqual(model)
          expect(trail.points().every((p) => p.lat === p.fixTime && p.lng === -p.fixTime)).toBe(true)
        },
      ),
    )
  })
})
