import { describe, expect, it } from 'vitest'
import { dataAge } from './data-age'

const MIN = 60_000

describe('dataAge', () => {
  it('is quiet while positions keep arriving', () => {
    expect(dataAge(10 * MIN, 9.5 * MIN, 0, 2 * MIN)).toBeNull()
  })

  it('says how old the data is once nothing arrived for longer than the threshold', () => {
    expect(dataAge(10 * MIN, 4 * MIN, 0, 2 * MIN)).toEqual({ kind: 'old', ageMs: 6 * MIN })
  })

  it('tells when nothing arrived at all since sign-in, ignoring events from an earlier session', () => {
    expect(dataAge(1 * MIN, null, 0, 2 * MIN)).toBeNull()
    expect(dataAge(5 * MIN, null, 0, 2 * MIN)).toEqual({ kind: 'none', ageMs: 5 * MIN })
    expect(dataAge(15 * MIN, 2 * MIN, 10 * MIN, 2 * MIN)).toEqual({ kind: 'none', ageMs: 5 * MIN })
  })
})
