import type { AppErrorInfo, ErrorParams } from '../../shared/domain/errors'

/** Every way a Tagora call can fail, as the UI and the session need to tell them apart. */
export type TagoraErrorCode =
  | 'api-unreachable'
  | 'timeout'
  | 'invalid-credentials'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'server-error'
  | 'bad-response'
  | 'http-error'

export interface TagoraApiErrorInit {
  code: TagoraErrorCode
  message: string
  /** e.g. 'POST /auth/login': names the call in logs and in support requests. */
  call: string
  url: string
  status?: number
  requestId?: string
  /** The machine code of the server's error body ({error:{code}}), when it sent one. */
  serverCode?: string
  /** The server's own message, kept apart so callers can classify it (e.g. "invalid token"). */
  serverMessage?: string
  /** Milliseconds from a Retry-After header, when the server sent one. */
  retryAfterMs?: number
  /** What the message says beyond the above (where the call went, why it failed), for other languages. */
  params?: Pick<ErrorParams, 'target' | 'network' | 'seconds'>
  cause?: unknown
}

/** A failed Tagora call: its message is written for the user and ends with the request id. */
export class TagoraApiError extends Error {
  readonly code: TagoraErrorCode
  readonly call: string
  readonly url: string
  readonly status?: number
  readonly requestId?: string
  readonly serverCode?: string
  readonly serverMessage?: string
  readonly retryAfterMs?: number
  readonly params: ErrorParams

  constructor(init: TagoraApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'TagoraApiError'
    this.code = init.code
    this.call = init.call
    this.url = init.url
    if (init.status !== undefined) this.status = init.status
    if (init.requestId !== undefined) this.requestId = init.requestId
    if (init.serverCode !== undefined) this.serverCode = init.serverCode
    if (init.serverMessage !== undefined) this.serverMessage = init.serverMessage
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs
    this.params = {
      service: 'Tagora',
      call: init.call,
      ...init.params,
      ...(init.serverMessage !== undefined && { serverMessage: init.serverMessage }),
    }
  }

  /** The plain shape that crosses IPC (Electron drops custom error fields). */
  toInfo(): AppErrorInfo {
    const info: AppErrorInfo = { code: this.code, message: this.message, params: this.params }
    if (this.status !== undefined) info.status = this.status
    if (this.requestId !== undefined) info.requestId = this.requestId
    return info
  }
}

export function isTagoraApiError(value: unknown): value is TagoraApiError {
  return value instanceof TagoraApiError
}

/** Joins the parts of a user-facing message: "Lead: server says. Advice. (request id)". */
export function composeMessage(parts: {
  lead: string
  serverMessage?: string | undefined
  advice?: string | undefined
  requestId?: string | undefined
}): string {
  const server = parts.serverMessage?.trim().replace(/[.\s]+$/, '')
  let text = server ? `${parts.lead}: ${server}.` : `${parts.lead}.`
  if (parts.advice) text += ` ${parts.advice}`
  if (parts.requestId) text += ` (request ${parts.requestId})`
  return text
}
