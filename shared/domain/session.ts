/** What the renderer may know about the session: never a token (design rule 4). */
export type SessionPhase = 'signed-out' | 'signing-in' | 'signed-in' | 'renewing'

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
  /** Epoch ms (local clock) when the access token expires. */
  accessExpiresAt: number | null
  /** Set while renewal retries are in progress or after the last one failed. */
  lastRenewalError: string | null
  /** Why the session ended, shown on the login screen ("You were signed out because …"). */
  signedOutReason: string | null
  /** Whether "keep me signed in" can be offered (a keychain is available), and why not. */
  rememberAvailable: boolean
  rememberUnavailableReason: string | null
}
