import { describe, expect, it } from 'vitest'
import { computeWindow, scrollToReveal } from './virtual-window'

const base = { rowHeight: 40, viewportHeight: 400, overscan: 5 }

describe('computeWindow', () => {
  it('renders the first screen plus overscan at the top', () => {
    const w = computeWindow({ ...base, scrollTop: 0, rowCount: 50_000 })
    expect(w).toEqual({ start: 0, end: 15, offsetTop: 0, totalHeight: 2_000_000 })
  })

  it('renders only the visible slice in the middle of 50k rows', () => {
    const w = computeWindow({ ...base, scrollTop: 1_000_020, rowCount: 50_000 })
    expect(w.start).toBe(25_000 - 5)
    expect(w.end).toBe(25_011 + 5)
    expect(w.offsetTop).toBe(w.start * 40)
    expect(w.end - w.start).toBeLessThan(30)
  })

  it('clamps at the end of the list', () => {
    const w = computeWindow({ ...base, scrollTop: 10_000_000, rowCount: 100 })
    expect(w.end).toBe(100)
    expect(w.start).toBe(90 - 5)
  })

  it('handles short and empty lists', () => {
    expect(computeWindow({ ...base, scrollTop: 0, rowCount: 3 })).toEqual({
      start: 0,
      end: 3,
      offsetTop: 0,
      totalHeight: 120,
    })
    expect(computeWindow({ ...base, scrollTop: 500, rowCount: 0 })).toEqual({
      start: 0,
      end: 0,
      offsetTop: 0,
      totalHeight: 0,
    })
  })

  it('handles a viewport not measured yet', () => {
    const w = computeWindow({ ...base, viewportHeight: 0, scrollTop: 0, rowCount: 1000 })
    expect(w.start).toBe(0)
    expect(w.end).toBe(5)
  })
})

describe('scrollToReveal', () => {
  it('scrolls up, down, or not at all', () => {
    expect(scrollToReveal(2, 400, 400, 40)).toBe(80)
    expect(scrollToReveal(30, 0, 400, 40)).toBe(31 * 40 - 400)
    expect(scrollToReveal(5, 0, 400, 40)).toBeNull()
  })
})
