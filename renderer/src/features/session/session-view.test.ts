import { describe, expect, it } from 'vitest'
import type { SessionState } from '../../../../shared/domain/session'
import { isQuietlyRenewing, secondsUntilRetry, showsRenewalBanner } from './session-view'

const base: SessionState = {
  phase: 'signed-in',
  email: 'dispatch@example.com',
  organizationId: '42',
  apiUrl: 'https://api.test/integration/v1',
  demo: false,
  signedInSince: 0,
  lastRenewedAt: null,
  accessExpiresAt: 3_600_000,
  lastRenewalProblem: null,
  renewalRetry: null,
  signedOut: null,
  rememberAvailable: true,
  rememberUnavailableReason: null,
}

describe('session view helpers', () => {
  it('counts whole seconds down to the next retry, never below zero', () => {
    expect(secondsUntilRetry(10_000, 0)).toBe(10)
    expect(secondsUntilRetry(10_000, 9_001)).toBe(1)
    expect(secondsUntilRetry(10_000, 12_000)).toBe(0)
  })

  it('tells the quiet renewing state from the retry banner', () => {
    const renewing = { ...base, phase: 'renewing' as const }
    const retrying = {
      ...renewing,
      lastRenewalProblem: { ending: null, error: { code: 'server-error' as const, status: 503 } },
      renewalRetry: { retry: 1, of: 3, at: 5_000 },
    }
    expect([isQuietlyRenewing(base), showsRenewalBanner(base)]).toEqual([false, false])
    expect([isQuietlyRenewing(renewing), showsRenewalBanner(renewing)]).toEqual([true, false])
    expect([isQuietlyRenewing(retrying), showsRenewalBanner(retrying)]).toEqual([false, true])
    expect(showsRenewalBanner(null)).toBe(false)
  })
})
