import { AppError } from '../../shared/domain/errors'
import type { ErrorFacts } from '../../shared/domain/errors'
import type { HttpErrorCode } from '../../shared/errors/codes'

/** Every way a Tagora call can fail, as the UI and the session need to tell them apart. */
export type TagoraErrorCode = HttpErrorCode | 'signed-out'

export interface TagoraApiErrorInit {
  code: TagoraErrorCode
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
  /** What else the error is made of (where the call went, why it failed). */
  facts?: Pick<ErrorFacts, 'target' | 'network' | 'seconds' | 'detail' | 'credentials'>
  cause?: unknown
}

/** A failed Tagora call: its facts name Tagora and the call; its message is their English. */
export class TagoraApiError extends AppError {
  override readonly code: TagoraErrorCode
  readonly call: string
  readonly url: string
  readonly serverCode?: string
  readonly serverMessage?: string
  readonly retryAfterMs?: number

  constructor(init: TagoraApiErrorInit) {
    super(
      {
        code: init.code,
        facts: {
          service: 'Tagora',
          call: init.call,
          ...init.facts,
          ...(init.serverMessage !== undefined && { serverMessage: init.serverMessage }),
        },
        ...(init.status !== undefined && { status: init.status }),
        ...(init.requestId !== undefined && { requestId: init.requestId }),
      },
      { cause: init.cause },
    )
    this.name = 'TagoraApiError'
    this.code = init.code
    this.call = init.call
    this.url = init.url
    if (init.serverCode !== undefined) this.serverCode = init.serverCode
    if (init.serverMessage !== undefined) this.serverMessage = init.serverMessage
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs
  }
}

export function isTagoraApiError(value: unknown): value is TagoraApiError {
  return value instanceof TagoraApiError
}
