import { NETWORK_REASONS } from '../../shared/domain/network-failure'
import type { NetworkFailure } from '../../shared/domain/network-failure'
import { readErrorBody } from './error-body'
import { composeMessage, TagoraApiError } from './tagora-api-error'
import type { TagoraErrorCode } from './tagora-api-error'

/** Where a call went: enough to name it in a message and in the error's fields. */
export interface CallSite {
  call: string
  url: string
  baseUrl: string
}

/** Turns a non-2xx response into an error whose message says what the user can do about it. */
export function httpFailure(
  site: CallSite,
  status: number,
  bodyText: string,
  headers: Headers,
): TagoraApiError {
  const body = readErrorBody(bodyText)
  const requestId = body.requestId ?? headers.get('x-request-id') ?? undefined
  const isLogin = site.call === 'POST /auth/login'
  const { code, lead, advice } = describeStatus(site.call, status, isLogin)
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'))
  return new TagoraApiError({
    code,
    message: composeMessage({ lead, serverMessage: body.message, advice, requestId }),
    call: site.call,
    url: site.url,
    status,
    ...(requestId !== undefined && { requestId }),
    ...(body.code !== undefined && { serverCode: body.code }),
    ...(body.message !== undefined && { serverMessage: body.message }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  })
}

function describeStatus(
  call: string,
  status: number,
  isLogin: boolean,
): { code: TagoraErrorCode; lead: string; advice?: string } {
  if (isLogin && (status === 401 || status === 403)) {
    return {
      code: 'invalid-credentials',
      lead: 'Tagora did not accept this email and password',
      advice: 'Check them and try again.',
    }
  }
  if (status === 400 || status === 422) {
    return {
      code: 'validation',
      lead: `Tagora rejected the request ${call}`,
      advice: 'Check the values sent.',
    }
  }
  if (status === 401) {
    return { code: 'unauthorized', lead: `Tagora rejected the session for ${call}`, advice: 'Sign in again.' }
  }
  if (status === 403) {
    return { code: 'forbidden', lead: `This Tagora account is not allowed to use ${call}` }
  }
  if (status === 404) {
    return {
      code: 'not-found',
      lead: `Tagora found nothing at ${call}`,
      advice: 'Check the API address in Settings.',
    }
  }
  if (status === 429) {
    return {
      code: 'rate-limited',
      lead: 'Tagora is limiting requests',
      advice: 'Wait a moment and try again.',
    }
  }
  if (status >= 500) {
    return {
      code: 'server-error',
      lead: `Tagora had a server error (HTTP ${status}) on ${call}`,
      advice: 'Try again later.',
    }
  }
  return { code: 'http-error', lead: `Tagora answered ${call} with HTTP ${status}` }
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
    message: composeMessage({
      lead: `Tagora answered ${site.call} with a response this app cannot read (${detail})`,
      advice: 'Check that the API address points at the Tagora Integration API.',
      requestId,
    }),
    call: site.call,
    url: site.url,
    status,
    ...(requestId !== undefined && { requestId }),
  })
}

export function timeoutFailure(site: CallSite, timeoutMs: number): TagoraApiError {
  const seconds = Math.round(timeoutMs / 100) / 10
  return new TagoraApiError({
    code: 'timeout',
    message: composeMessage({
      lead: `The Tagora API at ${site.baseUrl} did not answer ${site.call} within ${seconds} s`,
      advice: 'Check your network connection or try again later.',
    }),
    call: site.call,
    url: site.url,
    params: { target: site.baseUrl, seconds },
  })
}

/** fetch rejected before any response: name the address and the low-level reason in plain words. */
export function unreachableFailure(site: CallSite, error: unknown): TagoraApiError {
  return new TagoraApiError({
    code: 'api-unreachable',
    message: composeMessage({
      lead: `Cannot reach the Tagora API at ${site.baseUrl}: ${networkReason(error)}`,
      advice: 'Check the API address and your network connection.',
    }),
    call: site.call,
    url: site.url,
    params: { target: site.baseUrl, network: networkCode(error) },
    cause: error,
  })
}

/** undici hides the useful code in error.cause (sometimes nested); walk down to find it. */
function findNetworkFailure(error: unknown): { key: NetworkFailure; fallback?: string } {
  let current: unknown = error
  let fallback: string | undefined
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && code in NETWORK_REASONS && code !== 'other')
      return { key: code as NetworkFailure }
    if (current.message === 'bad port') return { key: 'bad-port' }
    if (current.message && current.message !== 'fetch failed') fallback = current.message
    current = current.cause
  }
  return fallback === undefined ? { key: 'other' } : { key: 'other', fallback }
}

/** The network failure as a stable key, for messages in other languages. */
export function networkCode(error: unknown): NetworkFailure {
  return findNetworkFailure(error).key
}

/** The network failure in plain English words (the low-level message when it is not a known one). */
export function networkReason(error: unknown): string {
  const found = findNetworkFailure(error)
  return found.fallback ?? NETWORK_REASONS[found.key]
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  return undefined
}
