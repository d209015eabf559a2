import type { AppErrorInfo } from './errors'

/** How a token engine gave up: the server refused renewal, retries ran out, or calls were refused twice. */
export type TokenEnding = 'renewal-refused' | 'renewal-failed' | 'rejected-twice'

/** A token problem as facts, for the renderer to say in the user's language (lastError is the English). */
export interface TokenProblem {
  /** Set when the engine gave up; null while it still retries or after a failed sign-in. */
  ending: TokenEnding | null
  error: AppErrorInfo
}

/** What the renderer may know about the session: never a token (design rule 4). */
export type SessionPhase = 'signed-out' | 'signing-in' | 'signed-in' | 'renewing'

/**
 * Why a session ended: Tagora refused the renewToken; renewal kept failing until the retries ran out;
 * protected calls were refused twice in a row; the saved sign-in was refused or could not be checked
 * at launch; or a reason given by the app itself (see signedOutReason).
 */
export type SignedOutCode =
  | 'renewal-refused'
  | 'renewal-failed'
  | 'rejected-twice'
  | 'saved-sign-in-refused'
  | 'restore-failed'
  | 'other'

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
  lastRenewalError: string | null
  /** The same problem as facts, for the renderer to say in the user's language. */
  lastRenewalProblem: TokenProblem | null
  /** Why the session ended, as one English sentence (logs, errors of calls refused while signed out). */
  signedOutReason: string | null
  /** Why the session ended, for the login screen's localized "You were signed out because …". */
  signedOutCode: SignedOutCode | null
  /** What the server said behind signedOutCode (its message and request id), shown under it. */
  signedOutDetail: string | null
  /** While renewal retries are pending: the next retry (1-based), of how many, due when (local epoch ms). */
  renewalRetry: RenewalRetry | null
  /** Whether "keep me signed in" can be offered (a keychain is available), and why not. */
  rememberAvailable: boolean
  rememberUnavailableReason: string | null
}
