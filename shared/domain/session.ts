import type { AppErrorInfo } from './errors'

import type { TokenProblem } from '../errors/facts'

/** How a token engine gave up: the server refused renewal, retries ran out, or calls were refused twice. */
export type { TokenEnding } from '../errors/vocabulary'
export type { TokenProblem } from '../errors/facts'

/** What the renderer may know about the session: never a token (design rule 4). */
export type SessionPhase = 'signed-out' | 'signing-in' | 'signed-in' | 'renewing'

/**
 * Why a session ended: Tagora refused the renewToken; renewal kept failing until the retries ran out;
 * protected calls were refused twice in a row; the saved sign-in was refused or could not be checked
 * at launch.
 */
export type SignedOutCode =
  'renewal-refused' | 'renewal-failed' | 'rejected-twice' | 'saved-sign-in-refused' | 'restore-failed'

/** Why the session ended: the login screen says `code` in its words, then the error behind it. */
export interface SignedOut {
  code: SignedOutCode
  /** What went wrong (what Tagora said, with its request id), as facts. */
  problem: AppErrorInfo
}

export interface RenewalRetry {
  retry: number
  of: number
  at: number
}

export interface SessionState {
  phase: SessionPhase
  /** Email of the signed-in user, or the last one used (kept in the login form after a sign-out). */
  email: string | null
  organizationId: string | null
  apiUrl: string
  /** True while signed in to the bundled simulator ("Try the demo"). */
  demo: boolean
  /** Epoch ms of the sign-in. */
  signedInSince: number | null
  /** Epoch ms of the last successful renewal in this session, or null before the first. */
  lastRenewedAt: number | null
  /** Epoch ms (local clock) when the access token expires. */
  accessExpiresAt: number | null
  /** Set while renewal retries are in progress or after the last one failed. */
  lastRenewalProblem: TokenProblem | null
  /** Why the session ended, for the login screen's "You were signed out because …"; null otherwise. */
  signedOut: SignedOut | null
  /** While renewal retries are pending: the next retry (1-based), of how many, due when (local epoch ms). */
  renewalRetry: RenewalRetry | null
  /** Whether "keep me signed in" can be offered (a keychain is available), and why not. */
  rememberAvailable: boolean
  rememberUnavailableReason: AppErrorInfo | null
}
