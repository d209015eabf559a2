import { describe, expect, it } from 'vitest'
import { fromLocalInput, rangeOf, shiftStart, toLocalInput } from './replay-range'

const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime()

describe('replay ranges', () => {
  it('presets end now; yesterday is the whole previous local day', () => {
    const now = at(2026, 11, 25, 9, 30)
    expect(rangeOf('last-10-min', now)).toEqual({ from: now - 600_000, to: now })
    expect(rangeOf('last-hour', now)).toEqual({ from: now - 3_600_000, to: now })
    expect(rangeOf('yesterday', now)).toEqual({ from: at(2026, 11, 24, 0), to: at(2026, 11, 25, 0) })
    expect(rangeOf('custom', now)).toBeNull()
  })

  it('this shift starts at 06:00, 14:00 or 22:00 (the night shift began yesterday before 06:00)', () => {
    expect(shiftStart(at(2026, 11, 25, 9, 30))).toBe(at(2026, 11, 25, 6))
    expect(shiftStart(at(2026, 11, 25, 14, 0))).toBe(at(2026, 11, 25, 14))
    expect(shiftStart(at(2026, 11, 25, 23, 59))).toBe(at(2026, 11, 25, 22))
    expect(shiftStart(at(2026, 11, 26, 5, 59))).toBe(at(2026, 11, 25, 22))
    expect(rangeOf('shift', at(2026, 11, 25, 15))).toEqual({
      from: at(2026, 11, 25, 14),
      to: at(2026, 11, 25, 15),
    })
  })

  it('reads and writes the custom inputs in local time, and refuses what is not a time', () => {
    const t = at(2026, 1, 2, 3, 4)
    expect(toLocalInput(t)).toBe('2026-01-02T03:04')
    expect(fromLocalInput('2026-01-02T03:04')).toBe(t)
    expect(fromLocalInput('')).toBeNull()
    expect(fromLocalInput('yesterday')).toBeNull()
  })
})
