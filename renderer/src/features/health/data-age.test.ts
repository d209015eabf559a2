import { describe, expect, it } from 'vitest'
import { dataAge, needsWebhook } from './data-age'

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

describe('needsWebhook', () => {
  const alone = { now: 10_000, signedInSince: 0, lastEventAt: null, webhooks: 0, onRelay: false }

  it('says at once (once the webhook list had time to arrive) that a desk without a webhook gets nothing', () => {
    expect(needsWebhook({ ...alone, now: 1000 })).toBe(false)
    expect(needsWebhook(alone)).toBe(true)
  })

  it('is quiet with a webhook, on the relay, or once a position arrived this session', () => {
    expect(needsWebhook({ ...alone, webhooks: 1 })).toBe(false)
    expect(needsWebhook({ ...alone, onRelay: true })).toBe(false)
    expect(needsWebhook({ ...alone, lastEventAt: 5000 })).toBe(false)
    expect(needsWebhook({ ...alone, signedInSince: null })).toBe(false)
    // A position from before this sign-in does not count.
    expect(needsWebhook({ ...alone, now: 20_000, signedInSince: 10_000, lastEventAt: 5000 })).toBe(true)
  })
})
