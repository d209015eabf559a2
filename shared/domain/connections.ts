import type { RenewalRetry, TokenProblem } from './session'
import type { ConnectionConfig, SchemeId } from '../schemas/connections'

/** How a connection's token lifetime is known. */
export type LifetimeSource = 'jwt-exp' | 'expires-in' | 'fixed' | 'configured' | 'none'
/** What happens before the token lapses. */
export type RenewalMode = 'refresh-token' | 'renew-endpoint' | 're-obtain' | 'none'

export type ConnectionPhase =
  'idle' | 'connecting' | 'connected' | 'renewing' | 'needs-attention' | 'signed-out'

/** What the renderer may know about a connection: never a token (design rule 4). */
export interface ConnectionStatus {
  id: string
  name: string
  scheme: SchemeId
  phase: ConnectionPhase
  /** Local epoch ms; null when the token has no known end. */
  expiresAt: number | null
  nextRenewalAt: number | null
  /** Local epoch ms when the refresh token ends (its documented lifetime); null when none is known. */
  refreshExpiresAt: number | null
  lifetimeSource: LifetimeSource
  renewal: RenewalMode
  lastRenewedAt: number | null
  /** The last problem as facts (how the engine gave up, and the error's code and facts). */
  lastProblem: TokenProblem | null
  /** Where the secret is kept: the keychain, this process's memory only, or nowhere yet. */
  secretStorage: 'keychain' | 'memory' | 'missing'
  /** Set for a derived token (Tavio envauth): the parent token's state. */
  parentPhase: ConnectionPhase | null
  /** While a failed renewal waits: which retry runs next (of 3) and when (local epoch ms). */
  renewalRetry: RenewalRetry | null
}

/** What "Test connection" reports. */
export interface ConnectionTestResult {
  status: ConnectionStatus
  /** Token lifetime in seconds at the moment it was obtained; null when unknown. */
  lifetimeSeconds: number | null
  /** The test call that was sent, e.g. "GET /dev/v2/project/…/rtm/vendor/user_events → 200". */
  checked: string
  /** What the protected test call returned, secrets hidden; null when obtaining the token was the test. */
  answer: CallAnswerPreview | null
}

/** A protected call's answer as the desk may see it: the token did real work (never a token itself). */
export interface CallAnswerPreview {
  status: number
  /** Items in the answer's list (the body itself, or its first array field); null when it has none. */
  itemCount: number | null
  /** The array field the items came from ("environments"); null for a bare array or no list. */
  listField: string | null
  /** The first few items (or the whole body when there is no list) as short JSON, secrets masked. */
  items: string[]
}

/** An 8x8 room: valid 15 minutes from its creation, as documented. The agent token stays in main. */
export interface VideoRoom {
  /** Where 8x8 texts the link when the agent signs in; null: no SMS, the desk sends the link itself. */
  phoneNumber: string | null
  callReference: string | null
  /** When the request left: the room cannot be older, so its end is never shown late. */
  createdAt: number
  validUntil: number
}

/**
 * How the Agent Portal was opened. Electron: its own window (main holds the URL). Browser host: the page
 * opens a tab at a one-time local address that redirects to the portal once, so the portal URL (it holds
 * the token) never crosses the contract.
 */
export type VideoPortalOpening = { opened: 'window' } | { opened: 'tab'; path: string; expiresAt: number }

/** "Video call": the room (null for agent sign-in only) and where the Agent Portal opened. */
export interface VideoPortalResult {
  connectionId: string
  agentLogin: string
  room: VideoRoom | null
  portal: VideoPortalOpening
}

export const VIDEO_ROOM_VALIDITY_MS = 15 * 60_000

/** One configured connection as the Connections dialog shows it: config (no secret) and live status. */
export interface ConnectionEntry {
  config: ConnectionConfig
  status: ConnectionStatus
}
