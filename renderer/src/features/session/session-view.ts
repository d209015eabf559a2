import type { SessionState } from '../../../../shared/domain/session'
import { tokenProblemText } from '../../lib/error-text'

/** Whole seconds until the next renewal retry (0 once it is due or running). */
export function secondsUntilRetry(retryAt: number, now: number): number {
  return Math.max(0, Math.ceil((retryAt - now) / 1000))
}

/** The banner shows while retries are pending: a renewal failed and the session is still alive. */
export function showsRenewalBanner(session: SessionState | null): boolean {
  return session?.phase === 'renewing' && session.renewalRetry !== null && session.lastRenewalProblem !== null
}

/** The last renewal failure in the language the user chose (null when renewal is fine). */
export function renewalProblemText(session: SessionState | null): string | null {
  if (!session) return null
  return tokenProblemText(session.lastRenewalProblem)
}

/** The header's quiet state: renewing with no failure yet to report. */
export function isQuietlyRenewing(session: SessionState | null): boolean {
  return session?.phase === 'renewing' && !showsRenewalBanner(session)
}
