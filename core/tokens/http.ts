import { isSecureUrl, sameOrigin } from '../../shared/net/secure-url'
import { codeOfHttpStatus, networkFacts } from '../tagora/failure-mapping'
import { ConnectionError, RefusedTargetError } from './connection-error'

/** One request as a scheme declares it; the engine adds presentation and extra headers. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  /** JSON body; `{}` and an absent body differ (8x8 agent token vs room). */
  json?: unknown
  /** application/x-www-form-urlencoded body (OAuth 2.0 token requests). */
  form?: Record<string, string>
  headers?: Record<string, string>
}

export interface HttpResult {
  status: number
  body: unknown
  /** The server's Date header in epoch ms, when readable. */
  serverDate: number | null
}

export const REQUEST_TIMEOUT_MS = 15_000

/** Sends a request to baseUrl + path and maps every failure to a ConnectionError. */
export async function sendRequest(
  fetchImpl: typeof fetch,
  baseUrl: string,
  spec: RequestSpec,
  headers: Record<string, string>,
): Promise<HttpResult> {
  const url = joinUrl(baseUrl, spec.path)
  const call = `${spec.method} ${spec.path}`
  assertStaysOnServer(baseUrl, url, call)
  const allHeaders: Record<string, string> = { Accept: 'application/json', ...headers, ...spec.headers }
  let body: string | undefined
  if (spec.form) {
    allHeaders['Content-Type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(spec.form).toString()
  } else if (spec.json !== undefined) {
    allHeaders['Content-Type'] = 'application/json'
    body = JSON.stringify(spec.json)
  } else if (spec.method !== 'GET') {
    allHeaders['Content-Type'] = 'application/json'
  }
  let response: Response
  try {
    response = await fetchImpl(url, {
      method: spec.method,
      headers: allHeaders,
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
  } catch (error) {
    const timeout = error instanceof Error && error.name === 'TimeoutError'
    const target = new URL(url).host
    throw new ConnectionError({
      code: timeout ? 'timeout' : 'unreachable',
      call,
      facts: timeout ? { target, seconds: REQUEST_TIMEOUT_MS / 1000 } : { target, ...networkFacts(error) },
    })
  }
  const text = await response.text().catch(() => '')
  const parsed = parseJson(text)
  const dateHeader = response.headers.get('date')
  const serverDate = dateHeader ? Date.parse(dateHeader) : NaN
  if (!response.ok) throw errorFromResponse(call, response.status, parsed, text)
  return {
    status: response.status,
    body: parsed,
    serverDate: Number.isFinite(serverDate) ? serverDate : null,
  }
}

export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '')
}

/**
 * Every request carries a credential or asks for one, so it goes only where the user gave it: over https
 * (or http to this computer) and to the base URL's own server, whatever a path override says. The form
 * and the save schema refuse such input first; this guards configs from older files.
 */
export function assertStaysOnServer(baseUrl: string, url: string, call: string): void {
  assertSecureServer(baseUrl, call)
  if (!sameOrigin(baseUrl, url)) throw new RefusedTargetError('leaves-server', call)
}

/** Refuses a base URL that is neither https nor http to this computer (shared/net/secure-url.ts). */
export function assertSecureServer(baseUrl: string, call: string): void {
  if (!isSecureUrl(baseUrl)) throw new RefusedTargetError('insecure-url', call)
}

/** Undocumented error bodies: accept {error:{code,message}}, {message}, {error, error_description}, text. */
export function serverMessageOf(body: unknown, text: string): string | null {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>
    const inner = record.error
    if (inner && typeof inner === 'object') {
      const message = (inner as Record<string, unknown>).message ?? (inner as Record<string, unknown>).code
      if (typeof message === 'string') return message
    }
    const parts = [inner, record.error_description, record.message, record.detail].filter(
      (part): part is string => typeof part === 'string' && part !== '',
    )
    if (parts.length > 0) return parts.join(': ')
  }
  const trimmed = text.trim()
  return trimmed && trimmed.length < 300 && !trimmed.startsWith('<') ? trimmed : null
}

function errorFromResponse(call: string, status: number, body: unknown, text: string): ConnectionError {
  return new ConnectionError({
    code: codeOfHttpStatus(status),
    call,
    status,
    serverMessage: serverMessageOf(body, text),
  })
}

function parseJson(text: string): unknown {
  if (!text) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}
