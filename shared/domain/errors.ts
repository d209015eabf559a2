import { describe } from '../errors/describe'
import type { ErrorCode } from '../errors/codes'
import type { AppErrorInfo, ErrorFacts } from '../errors/facts'

export type { AppErrorInfo, ErrorFacts } from '../errors/facts'

/**
 * An error thrown on either side of the contract: it carries the facts, and its message is their English
 * (`describe(info, 'en')`) for logs and stacks only. What the user reads is said from the facts.
 */
export class AppError extends Error implements AppErrorInfo {
  readonly code: ErrorCode
  readonly facts?: ErrorFacts
  readonly status?: number
  readonly requestId?: string

  constructor(info: AppErrorInfo, options?: { cause?: unknown }) {
    super(describe(info, 'en'), options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = info.code
    if (info.facts !== undefined) this.facts = info.facts
    if (info.status !== undefined) this.status = info.status
    if (info.requestId !== undefined) this.requestId = info.requestId
  }

  /** The plain shape that crosses the contract (Electron drops custom error fields). */
  toInfo(): AppErrorInfo {
    const info: AppErrorInfo = { code: this.code }
    if (this.facts !== undefined) info.facts = this.facts
    if (this.status !== undefined) info.status = this.status
    if (this.requestId !== undefined) info.requestId = this.requestId
    return info
  }
}

/** Calls return this envelope so typed error fields survive IPC (Electron strips custom error props). */
export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo }
