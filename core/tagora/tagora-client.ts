import type { z } from 'zod'
import type { Device } from '../../shared/domain/device'
import type { Logger } from '../logging/logger'
import { systemClock } from '../ports/clock'
import type { Clock } from '../ports/clock'
import { isRecord } from './error-body'
import { badResponse, httpFailure, timeoutFailure, unreachableFailure } from './failure-mapping'
import type { CallSite } from './failure-mapping'
import { TagoraApiError } from './tagora-api-error'
import {
  describeIssues,
  devicePageSchema,
  loginDataSchema,
  renewDataSchema,
  webhookRegistrationSchema,
  webhookScopeSchema,
} from './schemas'
import type {
  DevicePage,
  LoginData,
  RenewData,
  WebhookRegistration,
  WebhookRegistrationInput,
  WebhookScope,
} from './schemas'

export const DEFAULT_TAGORA_API_URL = 'https://integration.tagora.com.mx/integration/v1'
export const DEFAULT_TIMEOUT_MS = 15_000

/** A successful call: the envelope's data, its requestId, and the server's Date (for clock offset). */
export interface TagoraResponse<T> {
  data: T
  requestId: string | null
  /** Epoch ms from the Date response header, or null when absent or unreadable. */
  serverDate: number | null
}

/**
 * One page of GET /devices: `data` holds the devices that could be read, `skipped` the rows that could
 * not (positions within this page), and `rows` the page as received (its length moves the offset).
 */
export interface DeviceListResponse extends TagoraResponse<Device[]> {
  rows: readonly unknown[]
  skipped: DevicePage['skipped']
}

export interface DeviceQuery {
  limit: number
  offset: number
  status?: string
  /** Aborts the request (device sync cancel); the error is then an AbortError, not a TagoraApiError. */
  signal?: AbortSignal
}

/** The Tagora Integration API, one method per documented endpoint. */
export interface TagoraClient {
  readonly baseUrl: string
  login(credentials: { email: string; password: string }): Promise<TagoraResponse<LoginData>>
  renew(renewToken: string): Promise<TagoraResponse<RenewData>>
  listDevices(token: string, query: DeviceQuery): Promise<DeviceListResponse>
  registerWebhook(
    token: string,
    input: WebhookRegistrationInput,
  ): Promise<TagoraResponse<WebhookRegistration>>
  getWebhookScope(token: string, webhookId: string): Promise<TagoraResponse<WebhookScope>>
}

export interface TagoraClientOptions {
  baseUrl: string
  fetchImpl?: typeof fetch
  timeoutMs?: number
  logger: Logger
  /** Timers for the timeout; a fake in tests. */
  clock?: Clock
}

interface RequestSpec<S extends z.ZodType> {
  method: 'GET' | 'POST'
  path: string
  query?: Record<string, string | number | undefined>
  token?: string
  body?: unknown
  schema: S
  signal?: AbortSignal | undefined
}

export function createTagoraClient(options: TagoraClientOptions): TagoraClient {
  const baseUrl = options.baseUrl.trim().replace(/\/+$/, '')
  const send = createSender({ ...options, baseUrl })
  return {
    baseUrl,
    login: (credentials) =>
      send({ method: 'POST', path: '/auth/login', body: credentials, schema: loginDataSchema }),
    renew: (renewToken) =>
      send({ method: 'POST', path: '/auth/renew', body: { renewToken }, schema: renewDataSchema }),
    listDevices: async (token, { limit, offset, status, signal }) => {
      const response = await send({
        method: 'GET',
        path: '/devices',
        query: { limit, offset, status },
        token,
        schema: devicePageSchema,
        signal,
      })
      const { devices, skipped, rows } = response.data
      return { ...response, data: devices, rows, skipped }
    },
    registerWebhook: (token, input) =>
      send({ method: 'POST', path: '/webhook', token, body: input, schema: webhookRegistrationSchema }),
    getWebhookScope: (token, webhookId) =>
      send({
        method: 'GET',
        path: `/webhook/${encodeURIComponent(webhookId)}/scope`,
        token,
        schema: webhookScopeSchema,
      }),
  }
}

function createSender(options: TagoraClientOptions) {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const clock = options.clock ?? systemClock
  const { logger, baseUrl } = options

  return async function send<S extends z.ZodType>(
    spec: RequestSpec<S>,
  ): Promise<TagoraResponse<z.output<S>>> {
    const site: CallSite = {
      call: `${spec.method} ${spec.path}`,
      url: buildUrl(baseUrl, spec.path, spec.query),
      baseUrl,
    }
    if (!isHttpUrl(site.url))
      throw unreachableFailure(site, new Error(`"${baseUrl}" is not a valid http(s) address`))
    spec.signal?.throwIfAborted()

    const controller = new AbortController()
    let timedOut = false
    const cancelTimer = clock.setTimer(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const forwardAbort = (): void => controller.abort(spec.signal?.reason)
    spec.signal?.addEventListener('abort', forwardAbort, { once: true })

    try {
      const response = await fetchImpl(site.url, {
        method: spec.method,
        headers: buildHeaders(spec),
        signal: controller.signal,
        ...(spec.body !== undefined && { body: JSON.stringify(spec.body) }),
      })
      const text = await response.text()
      const result = interpret(site, response, text, spec.schema)
      logger.debug('tagora call', { call: site.call, status: response.status, requestId: result.requestId })
      return result
    } catch (error) {
      const failure = classify(error, site, { timedOut, timeoutMs, externalSignal: spec.signal })
      logger.warn('tagora call failed', {
        call: site.call,
        code: failureCode(failure),
        message: errorText(failure),
      })
      throw failure
    } finally {
      cancelTimer()
      spec.signal?.removeEventListener('abort', forwardAbort)
    }
  }
}

function interpret<S extends z.ZodType>(
  site: CallSite,
  response: Response,
  text: string,
  schema: S,
): TagoraResponse<z.output<S>> {
  if (!response.ok) throw httpFailure(site, response.status, text, response.headers)
  const headerRequestId = response.headers.get('x-request-id') ?? undefined
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw badResponse(site, text.trim() === '' ? 'empty body' : 'not JSON', headerRequestId, response.status)
  }
  const requestId = readRequestId(body) ?? headerRequestId
  if (!isRecord(body) || !('data' in body)) {
    throw badResponse(site, 'no "data" in the envelope', requestId, response.status)
  }
  const parsed = schema.safeParse(body.data)
  if (!parsed.success) throw badResponse(site, describeIssues(parsed.error), requestId, response.status)
  return {
    data: parsed.data,
    requestId: requestId ?? null,
    serverDate: parseDateHeader(response.headers.get('date')),
  }
}

function classify(
  error: unknown,
  site: CallSite,
  context: { timedOut: boolean; timeoutMs: number; externalSignal: AbortSignal | undefined },
): unknown {
  if (error instanceof TagoraApiError) return error
  if (context.timedOut) return timeoutFailure(site, context.timeoutMs)
  if (context.externalSignal?.aborted) return abortError(context.externalSignal)
  return unreachableFailure(site, error)
}

function abortError(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason
  return reason instanceof Error ? reason : new DOMException('The request was cancelled', 'AbortError')
}

function buildUrl(
  baseUrl: string,
  path: string,
  query?: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return `${baseUrl}${path}${search ? `?${search}` : ''}`
}

function buildHeaders(spec: { token?: string; body?: unknown }): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' }
  if (spec.token !== undefined) headers.Authorization = `Bearer ${spec.token}`
  return headers
}

function isHttpUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

function readRequestId(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined
  const id = body.requestId
  if (typeof id === 'string' && id !== '') return id
  if (typeof id === 'number' && Number.isFinite(id)) return String(id)
  return undefined
}

export function parseDateHeader(value: string | null): number | null {
  if (!value) return null
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}

function failureCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown'
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
