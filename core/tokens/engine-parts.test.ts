import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../test/fakes/fake-clock'
import { ConnectionError } from './connection-error'
import { EngineReport } from './engine-report'
import { RefusedTokens } from './refused-tokens'
import { RenewalTimers } from './renewal-timers'
import { ServerClock } from './server-clock'

describe('ServerClock', () => {
  it("judges time on the server's clock and says how far the estimate moved", () => {
    let local = 1_000_000
    const clock = new ServerClock(() => local)
    expect(clock.observe(null)).toBe(0)
    expect(clock.observe(local + 600_000)).toBe(600_000)
    expect(clock.now()).toBe(local + 600_000)
    expect(clock.toLocal(local + 700_000)).toBe(local + 100_000)
    local += 1_000
    expect(clock.observe(local + 600_000)).toBe(0)
    expect(clock.observe(local - 60_000)).toBe(660_000)
  })
})

describe('RefusedTokens', () => {
  it('remembers refused tokens by hash, not by value', () => {
    const refused = new RefusedTokens()
    refused.add('renew-secret-1')
    expect(refused.has('renew-secret-1')).toBe(true)
    expect(refused.has('renew-secret-2')).toBe(false)
    expect(JSON.stringify([...(refused as unknown as { hashes: Set<string> }).hashes])).not.toContain(
      'renew-secret-1',
    )
  })
})

describe('RenewalTimers', () => {
  it('fires the renewal with how late it ran, and re-arming replaces the old timer', () => {
    const clock = new FakeClock(0)
    const timers = new RenewalTimers(clock)
    const fired: number[] = []
    timers.armRenewal(1_000, (late) => fired.push(late))
    timers.armRenewal(2_000, (late) => fired.push(late))
    expect(clock.pendingCount()).toBe(1)
    clock.jump(62_000)
    clock.advance(0)
    expect(fired).toEqual([60_000])
  })

  it('a cancelled retry pause resolves at once and leaves no timer behind', async () => {
    const clock = new FakeClock(0)
    const timers = new RenewalTimers(clock)
    timers.armRenewal(10_000, () => undefined)
    const pause = timers.pause(5_000)
    expect(clock.pendingCount()).toBe(2)
    timers.cancel()
    await expect(pause).resolves.toBeUndefined()
    expect(clock.pendingCount()).toBe(0)
  })
})

describe('EngineReport', () => {
  it('reports a retry, clears it when healthy, and prefixes an ending with its reason', () => {
    const report = new EngineReport()
    let changes = 0
    report.onChange(() => (changes += 1))
    report.moveTo('renewing')
    const slow = new ConnectionError({
      code: 'timeout',
      call: 'renew',
      facts: { target: 'v.example', seconds: 15 },
    })
    report.retrying(slow, 0, 5_000)
    expect(report.snapshot()).toMatchObject({
      phase: 'renewing',
      renewalRetry: { retry: 1, of: 3, at: 5_000 },
      lastProblem: { ending: null, error: slow.toInfo() },
    })
    expect(report.lastProblemText()).toBe(
      'The server at v.example did not answer renew within 15 s. Check your network connection or try again later.',
    )
    report.healthy(7_000)
    expect(report.snapshot()).toMatchObject({
      lastProblem: null,
      renewalRetry: null,
      lastRenewedAt: 7_000,
    })
    report.ended('renewal-refused', new Error('HTTP 401'))
    expect(report.snapshot()).toMatchObject({
      // The facts carry the ending apart from the error; the catalog says both.
      lastProblem: {
        ending: 'renewal-refused',
        error: { code: 'unexpected', facts: { detail: 'HTTP 401' } },
      },
    })
    expect(report.lastProblemText()).toBe('The server refused to renew the token: HTTP 401')
    expect(changes).toBe(2)
  })
})
