import { isTagoraApiError } from '../tagora/tagora-api-error'

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
