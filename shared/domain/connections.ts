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
}

/** An 8x8 room created for a driver. The agent token stays in main. */
export interface VideoRoomResult {
  connectionId: string
  phoneNumber: string
  callReference: string
  createdAt: number
  /** createdAt + 15 minutes, as documented. */
  validUntil: number
}

export const VIDEO_ROOM_VALIDITY_MS = 15 * 60_000

/** One configured connection as the Connections dialog shows it: config (no secret) and live status. */
export interface ConnectionEntry {
  config: ConnectionConfig
  status: ConnectionStatus
}
