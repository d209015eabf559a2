import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../test/fakes/fake-clock'
import { isDefinitiveRejection, planRenewal, retryDelay } from './renewal-plan'
import { apiError } from '../../test/support/session-kit'

const NOW = 1_700_000_000_000

describe('planRenewal', () => {
  it('uses exp − 120 s for a normal token', () => {
    expect(planRenewal({ expClaimMs: NOW + 3_600_000, expiresInSeconds: 1, serverNow: NOW })).toEqual({
      expiresAt: NOW + 3_600_000,
      renewAt: NOW + 3_480_000,
    })
  })

  it('falls back to expiresIn without a readable exp, or when exp is already behind', () => {
    expect(planRenewal({ expClaimMs: null, expiresInSeconds: 600, serverNow: NOW }).renewAt).toBe(
      NOW + 480_000,
    )
    expect(planRenewal({ expClaimMs: NOW - 5_000, expiresInSeconds: 600, serverNow: NOW }).expiresAt).toBe(
      NOW + 600_000,
    )
  })

  it('uses half-life under 4 minutes and never schedules sooner than 1 s', () => {
    expect(planRenewal({ expClaimMs: NOW + 239_000, expiresInSeconds: 0, serverNow: NOW }).renewAt).toBe(
      NOW + 119_500,
    )
    expect(planRenewal({ expClaimMs: null, expiresInSeconds: 0, serverNow: NOW }).renewAt).toBe(NOW + 1_000)
  })
})

describe('retryDelay', () => {
  it('spaces retries 5, 10, 15 s with jitter up to 500 ms, then stops', () => {
    expect([0, 1, 2, 3].map((attempt) => retryDelay(attempt, () => 0))).toEqual([5_000, 10_000, 15_000, null])
    expect(retryDelay(0, () => 0.99999)).toBe(5_500)
    expect(retryDelay(0, () => 7)).toBe(5_500)
  })
})

describe('isDefinitiveRejection', () => {
  it('separates a refused token from a passing failure', () => {
    expect(isDefinitiveRejection(apiError('unauthorized', 401))).toBe(true)
    expect(
      isDefinitiveRejection(apiError('server-error', 500, { serverMessage: 'Renew token revoked' })),
    ).toBe(true)
    expect(isDefinitiveRejection(apiError('server-error', 503))).toBe(false)
    expect(isDefinitiveRejection(apiError('api-unreachable'))).toBe(false)
    expect(isDefinitiveRejection(new Error('boom'))).toBe(false)
  })
})

describe('FakeClock', () => {
  it('fires due timers in order, each at its own time', () => {
    const clock = new FakeClock(0)
    const fired: Array<[string, number]> = []
    clock.setTimer(() => fired.push(['b', clock.now()]), 20)
    clock.setTimer(() => fired.push(['a', clock.now()]), 10)
    const cancel = clock.setTimer(() => fired.push(['x', clock.now()]), 15)
    cancel()
    clock.advance(25)
    expect(fired).toEqual([
      ['a', 10],
      ['b', 20],
    ])
    expect(clock.now()).toBe(25)
  })

  it('fires overdue timers late after a jump', () => {
    const clock = new FakeClock(0)
    const fired: number[] = []
    clock.setTimer(() => fired.push(clock.now()), 10)
    clock.jump(1_000)
    expect(fired).toEqual([])
    clock.advance(0)
    expect(fired).toEqual([1_000])
  })
})
