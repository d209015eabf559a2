import { isNetworkFailure } from '../../shared/errors/network-failure'
import type { NetworkFailure } from '../../shared/errors/network-failure'
import type { HttpErrorCode } from '../../shared/errors/codes'
import { readErrorBody } from './error-body'
import { TagoraApiError } from './tagora-api-error'
import type { TagoraErrorCode } from './tagora-api-error'

/** Where a call went: enough to name it in a message and in the error's fields. */
export interface CallSite {
  call: string
  url: string
  baseUrl: string
}

/** Turns a non-2xx response into an error whose facts say what the user can do about it. */
export function httpFailure(
  site: CallSite,
  status: number,
  bodyText: string,
  headers: Headers,
): TagoraApiError {
  const body = readErrorBody(bodyText)
  const requestId = body.requestId ?? headers.get('x-request-id') ?? undefined
  const isLogin = site.call === 'POST /auth/login'
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'))
  return new TagoraApiError({
    code: codeOfStatus(status, isLogin),
    call: site.call,
    url: site.url,
    status,
    ...(isLogin && { facts: { credentials: 'email-password' } }),
    ...(requestId !== undefined && { requestId }),
    ...(body.code !== undefined && { serverCode: body.code }),
    ...(body.message !== undefined && { serverMessage: body.message }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  })
}

function codeOfStatus(status: number, isLogin: boolean): TagoraErrorCode {
  if (isLogin && (status === 401 || status === 403)) return 'invalid-credentials'
  return codeOfHttpStatus(status)
}

/** The catalog's code for an HTTP status, for Tagora and vendors alike. */
export function codeOfHttpStatus(status: number): HttpErrorCode {
  if (status === 400 || status === 422) return 'validation'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server-error'
  return 'http-error'
}

/** A 2xx whose body this app cannot read: the server changed or something in between rewrote it. */
export function badResponse(
  site: CallSite,
  detail: string,
  requestId: string | undefined,
  status: number,
): TagoraApiError {
  return new TagoraApiError({
    code: 'bad-response',
    call: site.call,
    url: site.url,
    status,
    facts: { detail },
    ...(requestId !== undefined && { requestId }),
  })
}

export function timeoutFailure(site: CallSite, timeoutMs: number): TagoraApiError {
  const seconds = Math.round(timeoutMs / 100) / 10
  return new TagoraApiError({
    code: 'timeout',
    call: site.call,
    url: site.url,
    facts: { target: site.baseUrl, seconds },
  })
}

/** fetch rejected before any response: name the address and the low-level reason. */
export function unreachableFailure(site: CallSite, error: unknown): TagoraApiError {
  return new TagoraApiError({
    code: 'api-unreachable',
    call: site.call,
    url: site.url,
    facts: { target: site.baseUrl, ...networkFacts(error) },
    cause: error,
  })
}

/** undici hides the useful code in error.cause (sometimes nested); walk down to find it. */
function findNetworkFailure(error: unknown): { key: NetworkFailure; fallback?: string } {
  let current: unknown = error
  let fallback: string | undefined
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && isNetworkFailure(code) && code !== 'other') return { key: code }
    if (current.message === 'bad port') return { key: 'bad-port' }
    if (current.message && current.message !== 'fetch failed') fallback = current.message
    current = current.cause
  }
  return fallback === undefined ? { key: 'other' } : { key: 'other', fallback }
}

/** The network failure as facts: a stable key, and the low-level words when no key names it. */
export function networkFacts(error: unknown): { network: NetworkFailure; detail?: string } {
  const found = findNetworkFailure(error)
  return found.fallback === undefined
    ? { network: found.key }
    : { network: found.key, detail: found.fallback }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  return undefined
}
