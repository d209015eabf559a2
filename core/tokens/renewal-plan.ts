import type { RenewalMode } from '../../shared/domain/connections'
import { isTagoraApiError } from '../tagora/tagora-api-error'
import type { Grant } from './scheme'

/** Renew this long before exp (the documented ~2 minutes). */
export const RENEW_LEAD_MS = 120_000
/** Below this lifetime a 2-minute lead would eat most of it, so renew at half-life instead. */
export const SHORT_LIFETIME_MS = 240_000
/** Never schedule sooner than this, so a token with a nonsense exp cannot cause a renewal storm. */
export const MIN_RENEW_DELAY_MS = 1_000
/** Pauses before the three retries, as documented (5 s → 10 s → 15 s). */
export const RETRY_DELAYS_MS = [5_000, 10_000, 15_000] as const
export const MAX_JITTER_MS = 500
/** A timer that fires this much later than planned means the computer slept or the clock jumped. */
export const TIME_JUMP_MS = 30_000

export interface TokenTiming {
  /** Server-clock epoch ms when the access token expires. */
  expiresAt: number
  /** Server-clock epoch ms when renewal should start. */
  renewAt: number
}

/**
 * When to renew, judged on the server's clock. Prefers the JWT exp; falls back to expiresIn when exp is
 * missing or already behind the server's clock (a token issued with a wrong exp).
 */
export function planRenewal(input: {
  expClaimMs: number | null
  expiresInSeconds: number
  serverNow: number
}): TokenTiming {
  const fromExpiresIn = input.serverNow + Math.max(0, input.expiresInSeconds) * 1000
  const useClaim = input.expClaimMs !== null && input.expClaimMs > input.serverNow
  const expiresAt = useClaim && input.expClaimMs !== null ? input.expClaimMs : fromExpiresIn
  const lifetime = expiresAt - input.serverNow
  const lead = lifetime < SHORT_LIFETIME_MS ? lifetime / 2 : RENEW_LEAD_MS
  const renewAt = Math.max(input.serverNow + MIN_RENEW_DELAY_MS, expiresAt - lead)
  return { expiresAt, renewAt: Math.round(renewAt) }
}

/** Delay before retry number `attempt` (0-based), with a little jitter so many desktops do not align. */
export function retryDelay(attempt: number, random: () => number): number | null {
  const base = RETRY_DELAYS_MS[attempt]
  if (base === undefined) return null
  const jitter = Math.floor(Math.min(Math.max(random(), 0), 0.999) * (MAX_JITTER_MS + 1))
  return base + jitter
}

const INVALID_TOKEN_TEXT =
  /invalid[\s_-]*(renew[\s_-]*)?token|token[\s_-]*(is[\s_-]*)?(invalid|revoked|expired)|revoked/i

/**
 * True when the server has said no to this renewToken for good (400/401/403, or a body saying the token is
 * invalid): retrying is pointless and the token must never be sent again.
 */
export function isDefinitiveRejection(error: unknown): boolean {
  if (!isTagoraApiError(error)) return false
  if (['unauthorized', 'forbidden', 'validation', 'invalid-credentials'].includes(error.code)) return true
  const said = `${error.serverCode ?? ''} ${error.serverMessage ?? ''}`
  return INVALID_TOKEN_TEXT.test(said)
}

export interface AdoptedGrant {
  grant: Grant
  /** Server-clock ms at which renewal starts; null when nothing renews. */
  renewAt: number | null
  /** Seconds the access token has left now; null when unknown. */
  lifetimeSeconds: number | null
}

/**
 * The grant an engine keeps after a sign-in or renewal, and when it renews. An answer without a refresh
 * token keeps the current one, with its end; the same refresh token handed back keeps its end too (its
 * lifetime runs from when it was issued, not from each renewal). A refresh token that ends before the
 * access token (Nugios: 32 s sooner) sets the renewal, so it is still good when it is used.
 */
export function adoptGrant(
  next: Grant,
  previous: Grant | null,
  serverNow: number,
  renewal: RenewalMode,
): AdoptedGrant {
  const keepsRefresh =
    previous?.refreshToken && (!next.refreshToken || next.refreshToken === previous.refreshToken)
  const grant: Grant =
    keepsRefresh && previous
      ? { ...next, refreshToken: previous.refreshToken, refreshExpiresAt: previous.refreshExpiresAt }
      : next
  const { expiresAt } = grant
  if (expiresAt === null || renewal === 'none')
    return { grant, renewAt: null, lifetimeSeconds: lifetimeOf(grant, serverNow) }
  const refreshEnd = renewal === 'refresh-token' ? grant.refreshExpiresAt : null
  const plannedOn = refreshEnd !== null && refreshEnd < expiresAt ? refreshEnd : expiresAt
  return {
    grant,
    renewAt: planRenewal({ expClaimMs: plannedOn, expiresInSeconds: 0, serverNow }).renewAt,
    lifetimeSeconds: lifetimeOf(grant, serverNow),
  }
}

function lifetimeOf(grant: Grant, serverNow: number): number | null {
  return grant.expiresAt === null ? null : Math.round((grant.expiresAt - serverNow) / 1000)
}

/** True once a refresh token has reached its documented end: sending it would only be refused. */
export function refreshEnded(grant: Grant, serverNow: number): boolean {
  return grant.refreshExpiresAt !== null && serverNow >= grant.refreshExpiresAt
}

/** A refresh token kept from an earlier run ("keep me signed in"): the start of a resume, no access token yet. */
export function savedRefreshGrant(refreshToken: string): Grant {
  return { accessToken: '', refreshToken, expiresAt: null, lifetimeSource: 'none', refreshExpiresAt: null }
}
