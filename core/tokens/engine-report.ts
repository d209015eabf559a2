import type { ConnectionPhase } from '../../shared/domain/connections'
import { RETRY_DELAYS_MS } from './renewal-plan'
import { problemOf } from '../errors/problem-of'
import { describeError, isConnectionError } from './connection-error'
import type { EngineEndKind, EngineStatus } from './token-engine-types'

const ENDING_REASON: Record<EngineEndKind, string> = {
  'renewal-refused': 'The server refused to renew the token',
  'renewal-failed': 'The token could not be renewed after three retries',
  'rejected-twice': 'The server refused the token twice in a row',
}

type ReportedStatus = Pick<
  EngineStatus,
  'phase' | 'lastRenewedAt' | 'lastError' | 'lastErrorCode' | 'lastProblem' | 'renewalRetry'
>

/** What a token engine tells the UI (phase, last problem, the retry it waits for) and who is listening. */
export class EngineReport {
  private status: ReportedStatus = {
    phase: 'idle',
    lastRenewedAt: null,
    lastError: null,
    lastErrorCode: null,
    lastProblem: null,
    renewalRetry: null,
  }
  private readonly listeners = new Set<() => void>()

  snapshot(): ReportedStatus {
    return { ...this.status }
  }

  get lastError(): string | null {
    return this.status.lastError
  }

  moveTo(phase: ConnectionPhase): void {
    this.status.phase = phase
    this.emit()
  }

  /** The engine gave up on the token: the reason, then what the server said. */
  ended(kind: EngineEndKind, error: unknown): void {
    this.problem(error, kind)
  }

  /** Records what went wrong (announced with the next phase change); an ending prefixes its reason. */
  problem(error: unknown, ending?: EngineEndKind): void {
    const detail = describeError(error)
    this.status.lastError = ending ? `${ENDING_REASON[ending]}: ${detail}` : detail
    this.status.lastErrorCode = isConnectionError(error) ? error.code : 'internal'
    this.status.lastProblem = { ending: ending ?? null, error: problemOf(error, detail) }
    this.status.renewalRetry = null
  }

  /** A renewal failed and retry number `retry + 1` runs at local time `at`. */
  retrying(error: unknown, retry: number, at: number): void {
    this.problem(error)
    this.status.renewalRetry = { retry: retry + 1, of: RETRY_DELAYS_MS.length, at }
    this.emit()
  }

  /** A token was adopted: problems are over; `renewedAt` when it came from a renewal. */
  healthy(renewedAt: number | null): void {
    this.clearProblem()
    if (renewedAt !== null) this.status.lastRenewedAt = renewedAt
  }

  clearProblem(): void {
    this.status.lastError = null
    this.status.lastErrorCode = null
    this.status.lastProblem = null
    this.status.renewalRetry = null
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(): void {
    for (const listener of this.listeners) listener()
  }
}
