/**
 * The facts an error's English message was composed from, so the renderer can say it again in the
 * user's language (`renderer/src/lib/error-text.ts`). Each is optional: an error fills in what it knows.
 */
export interface ErrorParams {
  /** Who answered or failed to: 'Tagora', 'Nugios', … */
  service?: string
  /** The call, e.g. 'POST /auth/login'. */
  call?: string
  /** Where the call went: a base URL or a host:port. */
  target?: string
  /** The low-level network failure as a stable key ('ECONNREFUSED', 'bad-port', 'other'). */
  network?: string
  /** A time limit that ran out, in seconds. */
  seconds?: number
  /** The server's own words: quoted as they are, never translated. */
  serverMessage?: string
  /** A connection's name, for errors about one connection. */
  name?: string
  /** A local port (the webhook listener's). */
  port?: number
  /** A low-level detail that is neither the server's words nor translatable (an OS error text). */
  detail?: string
}

/** An error as it crosses the contract: what the user can act on, and what support will ask for. */
export interface AppErrorInfo {
  /** Stable machine code, e.g. 'api-unreachable', 'invalid-credentials', 'validation'. */
  code: string
  message: string
  /** HTTP status from the API, when there was a response. */
  status?: number
  /** Tagora's requestId of the failed call ("request a1b2c3d4"). */
  requestId?: string
  /** What the message was made of, for saying it in another language. */
  params?: ErrorParams
}

/** Thrown on the renderer side when a call fails; carries the same fields. */
export class AppError extends Error implements AppErrorInfo {
  readonly code: string
  readonly status?: number
  readonly requestId?: string
  readonly params?: ErrorParams

  constructor(info: AppErrorInfo) {
    super(info.message)
    this.name = 'AppError'
    this.code = info.code
    if (info.status !== undefined) this.status = info.status
    if (info.requestId !== undefined) this.requestId = info.requestId
    if (info.params !== undefined) this.params = info.params
  }
}

/** Calls return this envelope so typed error fields survive IPC (Electron strips custom error props). */
export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo }
