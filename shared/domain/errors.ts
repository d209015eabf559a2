/** An error as it crosses the contract: what the user can act on, and what support will ask for. */
export interface AppErrorInfo {
  /** Stable machine code, e.g. 'api-unreachable', 'invalid-credentials', 'validation'. */
  code: string
  message: string
  /** HTTP status from the API, when there was a response. */
  status?: number
  /** Tagora's requestId of the failed call ("request a1b2c3d4"). */
  requestId?: string
}

/** Thrown on the renderer side when a call fails; carries the same fields. */
export class AppError extends Error implements AppErrorInfo {
  readonly code: string
  readonly status?: number
  readonly requestId?: string

  constructor(info: AppErrorInfo) {
    super(info.message)
    this.name = 'AppError'
    this.code = info.code
    if (info.status !== undefined) this.status = info.status
    if (info.requestId !== undefined) this.requestId = info.requestId
  }
}

/** Calls return this envelope so typed error fields survive IPC (Electron strips custom error props). */
export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo }
