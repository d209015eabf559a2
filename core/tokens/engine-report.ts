import type { ConnectionPhase } from '../../shared/domain/connections'
import type { TokenProblem } from '../../shared/domain/session'
import { describeTokenProblem, translator } from '../../shared/errors/describe'
import { RETRY_DELAYS_MS } from './renewal-plan'
import { problemOf } from '../errors/problem-of'
import type { EngineEndKind, EngineStatus } from './token-engine-types'

type ReportedStatus = Pick<EngineStatus, 'phase' | 'lastRenewedAt' | 'lastProblem' | 'renewalRetry'>

/** What a token engine tells the UI (phase, last problem, the retry it waits for) and who is listening. */
export class EngineReport {
  private status: ReportedStatus = {
    phase: 'idle',
    lastRenewedAt: null,
    lastProblem: null,
    renewalRetry: null,
  }
  private readonly listeners = new Set<() => void>()

  snapshot(): ReportedStatus {
    return { ...this.status }
  }

  get lastProblem(): TokenProblem | null {
    return this.status.lastProblem
  }

  /** The last problem in English, for the engine's logs. */
  lastProblemText(): string | null {
    const problem = this.status.lastProblem
    return problem && describeTokenProblem(translator('en'), problem)
  }

  moveTo(phase: ConnectionPhase): void {
    this.status.phase = phase
    this.emit()
  }

  /** The engine gave up on the token: the reason, then what the server said. */
  ended(kind: EngineEndKind, error: unknown): void {
    this.problem(error, kind)
  }

  /** Records what went wrong (announced with the next phase change), and how the engine gave up. */
  problem(error: unknown, ending?: EngineEndKind): void {
    this.status.lastProblem = { ending: ending ?? null, error: problemOf(error) }
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
