import { AppError } from '../../shared/domain/errors'
import type { AppErrorInfo, ErrorFacts } from '../../shared/domain/errors'
import type { ConnectionErrorCode as CatalogConnectionCode, HttpErrorCode } from '../../shared/errors/codes'
import type { CredentialKind } from '../../shared/errors/facts'
import { isDefinitiveRejection } from './renewal-plan'
import { isTagoraApiError } from '../tagora/tagora-api-error'

/** Every way a vendor call or a token engine can fail. */
export type ConnectionErrorCode =
  HttpErrorCode | CatalogConnectionCode | 'insecure-url' | 'leaves-server' | 'get-with-body'

/** A failed vendor call, as facts: which connection and call, what the server said. */
export class ConnectionError extends AppError {
  override readonly code: ConnectionErrorCode
  readonly call: string
  readonly serverMessage: string | null

  constructor(input: {
    code: ConnectionErrorCode
    call: string
    status?: number
    serverMessage?: string | null
    /** What else the error is made of (vendor, host, the error that caused it, …). */
    facts?: Omit<ErrorFacts, 'call' | 'serverMessage'>
  }) {
    const serverMessage = input.serverMessage ?? null
    super({
      code: input.code,
      facts: { call: input.call, ...input.facts, ...(serverMessage !== null && { serverMessage }) },
      ...(input.status !== undefined && { status: input.status }),
    })
    this.name = 'ConnectionError'
    this.code = input.code
    this.call = input.call
    this.serverMessage = serverMessage
  }
}

export function isConnectionError(error: unknown): error is ConnectionError {
  return error instanceof ConnectionError
}

/** Codes that mean the server said no to this credential for good. */
const DEFINITIVE: readonly ConnectionErrorCode[] = [
  'invalid-credentials',
  'unauthorized',
  'forbidden',
  'validation',
  'password-expired',
  'refused-before',
  'no-refresh-token',
  'agora-uid-required',
  'path-not-set',
  'agent-login-required',
]

const INVALID_TOKEN_TEXT =
  /invalid[\s_-]*(grant|client|token)|token[\s_-]*(is[\s_-]*)?(invalid|revoked|expired)|revoked/i

/** The server said no for good (400/401/403 or "invalid token"): retrying the same credential is pointless. */
export function isDefinitive(error: unknown): boolean {
  if (isTagoraApiError(error)) return isDefinitiveRejection(error)
  if (!isConnectionError(error)) return false
  if (DEFINITIVE.includes(error.code)) return true
  return INVALID_TOKEN_TEXT.test(error.serverMessage ?? '')
}

/** A protected call refused because the token is no longer accepted. */
export function isUnauthorized(error: unknown): boolean {
  return (isConnectionError(error) || isTagoraApiError(error)) && error.status === 401
}

/** A refused sign-in (400/401/403) reworded as wrong credentials; anything else passes through. */
export function asCredentialError(error: unknown, vendor: string, credentials: CredentialKind): unknown {
  if (!isConnectionError(error) || error.status === undefined || ![400, 401, 403].includes(error.status))
    return error
  return new ConnectionError({
    code: 'invalid-credentials',
    call: error.call,
    status: error.status,
    serverMessage: error.serverMessage,
    facts: { service: vendor, credentials },
  })
}

/** A static key or token refused on a protected call: it cannot renew, the user must enter it again. */
export function refusedStatic(error: unknown): ConnectionError {
  return new ConnectionError({
    code: 'invalid-credentials',
    call: isConnectionError(error) ? error.call : 'request',
    status: 401,
    serverMessage: isConnectionError(error) ? error.serverMessage : null,
    facts: { credentials: 'key-token' },
  })
}

/** A refresh token this run already saw refused: not sent again. */
export function refusedBefore(): ConnectionError {
  return new ConnectionError({ code: 'refused-before', call: 'renew' })
}

/** The keychain has no secret for a connection that needs one. */
export function missingSecret(name: string): ConnectionError {
  return new ConnectionError({ code: 'missing-secret', call: 'keychain', facts: { name } })
}

/** A path the vendor's document leaves blank and the connection does not set: nothing is sent. */
export function pathNotSet(key: string, service: string, name: string): ConnectionError {
  return new ConnectionError({ code: 'path-not-set', call: key, facts: { field: key, service, name } })
}

/** A call made while a connection has no token: why it ended, when known. */
export function noToken(name: string, lastProblem: AppErrorInfo | null): ConnectionError {
  return new ConnectionError({
    code: 'no-token',
    call: 'connection',
    facts: { name, ...(lastProblem !== null && { cause: lastProblem }) },
  })
}

/**
 * A request refused before anything is sent because of where it would go: plain http to another
 * computer ('insecure-url': an address kept from an older version, or TAGORA_API_URL), or off the base
 * URL's server ('leaves-server': a path override from a hand-edited file). Its info is the code alone,
 * the same the save schema gives such input.
 */
export class RefusedTargetError extends ConnectionError {
  constructor(code: 'insecure-url' | 'leaves-server', call: string) {
    super({ code, call })
  }

  override toInfo(): AppErrorInfo {
    return { code: this.code }
  }
}
