import type { ConnectionStatus } from '../../shared/domain/connections'
import type { TokenEnding } from '../../shared/domain/session'
import type { Logger } from '../logging/logger'
import type { Clock } from '../ports/clock'
import type { PowerEvents } from '../ports/power-events'
import type { RefusedTokens } from './refused-tokens'
import type { BaseConnectionConfig } from './scheme'
import type { TokenEngine } from './token-engine'

/** Why the engine gave up on a token. */
export type EngineEndKind = TokenEnding

export interface EngineEnding {
  kind: EngineEndKind
  error: unknown
}

export interface TokenEngineDeps {
  clock: Clock
  logger: Logger
  /** For `request`; the global fetch when omitted. */
  fetch?: typeof fetch
  /** The user's stored secret for this connection (keychain); null when none is stored. */
  secret(): Promise<string | null>
  powerEvents?: PowerEvents
  /** Jitter for retry delays; injectable so tests are exact. */
  random?: () => number
  /** For derived schemes: the parent connection's engine. */
  parent?: TokenEngine<BaseConnectionConfig>
  /** Shared by every engine of one account, so a refused refresh token is never sent by a later one. */
  refusedTokens?: RefusedTokens
  /** A call that finds no token obtains one (default) or, for a user's session, is refused. */
  obtainOnDemand?: boolean
  /** Awaited inside each renewal or resume, so a rotated refresh token reaches the keychain in the same flight. */
  onRenewed?(refreshToken: string | null, previous: string | null): Promise<void>
  /** Awaited when the engine gives up; its synchronous part runs before the new phase is announced. */
  onEnded?(ending: EngineEnding): Promise<void>
  /** The error a call gets when there is no token; default a ConnectionError 'signed-out'. */
  signedOutError?(): Error
}

/** What the engine reports; the connections service adds the connection's own fields to it. */
export type EngineStatus = Pick<
  ConnectionStatus,
  | 'phase'
  | 'expiresAt'
  | 'nextRenewalAt'
  | 'refreshExpiresAt'
  | 'lifetimeSource'
  | 'renewal'
  | 'lastRenewedAt'
  | 'lastProblem'
  | 'renewalRetry'
>
