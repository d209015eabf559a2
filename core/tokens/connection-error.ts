import type { AppErrorInfo, ErrorParams } from '../../shared/domain/errors'
import { VALIDATION_MESSAGES } from '../../shared/domain/validation-messages'
import { isDefinitiveRejection } from './renewal-plan'
import { isTagoraApiError } from '../tagora/tagora-api-error'

export type ConnectionErrorCode =
  | 'invalid-credentials'
  | 'unauthorized'
  | 'forbidden'
  | 'validation'
  | 'not-found'
  | 'rate-limited'
  | 'server-error'
  | 'unreachable'
  | 'timeout'
  | 'bad-response'
  | 'password-expired'
  | 'parent-expired'
  | 'missing-secret'
  | 'signed-out'
  | 'http-error'
  | 'insecure-url'
  | 'leaves-server'

/** A failed vendor call, worded for the user: which connection and call, what the server said. */
export class ConnectionError extends Error {
  readonly code: ConnectionErrorCode
  readonly status: number | undefined
  readonly call: string
  readonly serverMessage: string | null
  /** What the message says beyond call and server message (vendor, host, …), for other languages. */
  readonly params: ErrorParams

  constructor(input: {
    code: ConnectionErrorCode
    message: string
    call: string
    status?: number
    serverMessage?: string | null
    params?: Omit<ErrorParams, 'call' | 'serverMessage'>
  }) {
    super(input.message)
    this.name = 'ConnectionError'
    this.code = input.code
    this.status = input.status
    this.call = input.call
    this.serverMessage = input.serverMessage ?? null
    this.params = {
      call: input.call,
      ...input.params,
      ...(this.serverMessage !== null && { serverMessage: this.serverMessage }),
    }
  }

  /** What crosses the contract (dispatch-call.ts calls this). */
  toInfo(): AppErrorInfo {
    const info: AppErrorInfo = { code: this.code, message: this.message, params: this.params }
    if (this.status !== undefined) info.status = this.status
    return info
  }
}

export function isConnectionError(error: unknown): error is ConnectionError {
  return error instanceof ConnectionError
}

const INVALID_TOKEN_TEXT =
  /invalid[\s_-]*(grant|client|token)|token[\s_-]*(is[\s_-]*)?(invalid|revoked|expired)|revoked/i

/** The server said no for good (400/401/403 or "invalid token"): retrying the same credential is pointless. */
export function isDefinitive(error: unknown): boolean {
  if (isTagoraApiError(error)) return isDefinitiveRejection(error)
  if (!isConnectionError(error)) return false
  if (
    ['invalid-credentials', 'unauthorized', 'forbidden', 'validation', 'password-expired'].includes(
      error.code,
    )
  )
    return true
  return INVALID_TOKEN_TEXT.test(error.serverMessage ?? '')
}

/** A protected call refused because the token is no longer accepted. */
export function isUnauthorized(error: unknown): boolean {
  return (isConnectionError(error) || isTagoraApiError(error)) && error.status === 401
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A refused sign-in (400/401/403) reworded as wrong credentials; anything else passes through. */
export function asCredentialError(error: unknown, vendor: string, what: string): unknown {
  if (!isConnectionError(error) || error.status === undefined || ![400, 401, 403].includes(error.status))
    return error
  const said = error.serverMessage ? ` (the server said: ${error.serverMessage})` : ''
  return new ConnectionError({
    code: 'invalid-credentials',
    call: error.call,
    status: error.status,
    serverMessage: error.serverMessage,
    params: { service: vendor },
    message: `${vendor} refused the ${what}${said}. Check them and enter them again.`,
  })
}

/** A static key or token refused on a protected call: it cannot renew, the user must enter it again. */
export function refusedStatic(error: unknown): ConnectionError {
  return new ConnectionError({
    code: 'invalid-credentials',
    call: isConnectionError(error) ? error.call : 'request',
    status: 401,
    message: `The server refused this key or token (${describeError(error)}). Check it and enter it again.`,
  })
}

/** A refresh token this run already saw refused: not sent again. */
export function refusedBefore(): ConnectionError {
  return new ConnectionError({
    code: 'unauthorized',
    call: 'renew',
    message: 'The server already refused this refresh token, so it is not sent again. Sign in again.',
  })
}

/** The keychain has no secret for a connection that needs one. */
export function missingSecret(name: string): ConnectionError {
  return new ConnectionError({
    code: 'missing-secret',
    call: 'keychain',
    params: { name },
    message: `No secret is stored for "${name}". Edit the connection and enter it again.`,
  })
}

/** A call made while a connection has no token: why it ended, when known. */
export function noToken(name: string, lastError: string | null): ConnectionError {
  return new ConnectionError({
    code: 'signed-out',
    call: 'connection',
    message: lastError ?? `"${name}" has no token. Test the connection to sign in again.`,
  })
}

/**
 * A request refused before anything is sent because of where it would go: plain http to another
 * computer ('insecure-url': an address kept from an older version, or TAGORA_API_URL), or off the base
 * URL's server ('leaves-server': a path override from a hand-edited file). Its info carries one shared
 * sentence and no params, so the renderer says it in the user's language like a validation message.
 */
export class RefusedTargetError extends ConnectionError {
  constructor(code: 'insecure-url' | 'leaves-server', call: string) {
    const message =
      code === 'insecure-url' ? VALIDATION_MESSAGES.insecureUrl : VALIDATION_MESSAGES.pathOverrideServer
    super({ code, call, message })
  }

  override toInfo(): AppErrorInfo {
    return { code: this.code, message: this.message }
  }
}
