import { describe, expect, it } from 'vitest'
import type { SessionState } from '../../shared/domain/session'
import { historyScopeOf } from './history-scope'

function session(overrides: Partial<SessionState>): SessionState {
  return {
    phase: 'signed-in',
    email: 'desk@example.com',
    organizationId: 'org-1',
    apiUrl: 'https://integration.tagora.com.mx/integration/v1',
    demo: false,
    signedInSince: 1,
    lastRenewedAt: null,
    accessExpiresAt: null,
    lastRenewalProblem: null,
    signedOut: null,
    renewalRetry: null,
    rememberAvailable: true,
    rememberUnavailableReason: null,
    ...overrides,
  }
}

describe('historyScopeOf', () => {
  it('is the API and the organization: case and a trailing slash do not split a history', () => {
    const scope = historyScopeOf(session({}))
    expect(historyScopeOf(session({ apiUrl: 'https://Integration.Tagora.com.mx/integration/v1/' }))).toBe(
      scope,
    )
    expect(historyScopeOf(session({ renewalRetry: null, phase: 'renewing' }))).toBe(scope)
    expect(historyScopeOf(session({ organizationId: 'org-2' }))).not.toBe(scope)
    expect(historyScopeOf(session({ apiUrl: 'https://staging.tagora.com.mx/integration/v1' }))).not.toBe(
      scope,
    )
  })

  it('keeps the demo apart whatever port its simulator took, and is null while signed out', () => {
    const demo = historyScopeOf(session({ demo: true, apiUrl: 'http://127.0.0.1:41234/integration/v1' }))
    expect(historyScopeOf(session({ demo: true, apiUrl: 'http://127.0.0.1:51234/integration/v1' }))).toBe(
      demo,
    )
    expect(demo).not.toBe(historyScopeOf(session({})))
    expect(historyScopeOf(session({ phase: 'signed-out' }))).toBeNull()
    expect(historyScopeOf(session({ phase: 'signing-in' }))).toBeNull()
  })
})
