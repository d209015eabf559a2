import type { IncomingMessage, ServerResponse } from 'node:http'
import type { KeyObject } from 'node:crypto'
import type { RejectReason } from '../../../../shared/domain/listener'
import type { Clock } from '../ports/clock'
import type { Logger } from '../logging/logger'
import { parseTelemetryBody } from '../telemetry/parse-telemetry'
import type { ParseOptions, ParseResult } from '../telemetry/telemetry-event'
import type { ListenerStats } from './listener-stats'
import type { RawEventLog } from './raw-event-log'
import { readBody } from './read-body'
import { isJsonContentType, requestPath } from './request-guards'
import type { Verifier } from './listener-types'

export const SIGNATURE_HEADER = 'x-tagora-signature'

/** Everything one request needs, fixed for the life of a bound server. */
export interface RequestContext {
  path: string
  maxBodyBytes: number
  bodyTimeoutMs: number
  isAllowedHost(host: string | undefined): boolean
  getPublicKeys(): readonly KeyObject[]
  verifier: Verifier
  parseOptions(): ParseOptions
  onEvents(result: ParseResult): void
  stats: ListenerStats
  rawLog: RawEventLog
  clock: Clock
  logger: Logger
}

interface Refusal {
  status: number
  reason: RejectReason
  detail: string
  /** Close the connection: the body was not (fully) read, so the stream cannot carry another request. */
  close?: boolean
  headers?: Record<string, string>
}

/** Verifies, parses and answers one webhook POST; refuses everything else with a counted reason. */
export async function handleWebhookRequest(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
): Promise<void> {
  const receivedAt = ctx.clock.now()
  const early = checkRequestLine(req, ctx)
  if (early) return refuse(res, ctx, receivedAt, early, undefined)

  const read = await readBody(req, ctx.maxBodyBytes, ctx.bodyTimeoutMs)
  if (read.kind === 'aborted') return void ctx.logger.debug('webhook request aborted by the client')
  if (read.kind === 'too-large') {
    return refuse(res, ctx, receivedAt, tooLarge(ctx.maxBodyBytes), undefined)
  }
  if (read.kind === 'timeout') {
    const detail = `body not complete after ${ctx.bodyTimeoutMs} ms (${read.received} bytes)`
    return refuse(res, ctx, receivedAt, { status: 408, reason: 'timeout', detail, close: true }, undefined)
  }
  const body = read.body

  const header = req.headers[SIGNATURE_HEADER]
  const signature = Array.isArray(header) ? header[0] : header
  if (signature === undefined || signature.trim() === '') {
    const detail = 'no X-Tagora-Signature header'
    return refuse(res, ctx, receivedAt, { status: 401, reason: 'missing-signature', detail }, body)
  }
  if (!(await verify(ctx, body, signature))) {
    const detail = 'signature does not match the body under any active webhook key'
    return refuse(res, ctx, receivedAt, { status: 401, reason: 'bad-signature', detail }, body)
  }

  const json = parseJson(body)
  if (!json.ok)
    return refuse(res, ctx, receivedAt, { status: 400, reason: 'bad-json', detail: json.detail }, body)
  const result = parseTelemetryBody(json.value, ctx.parseOptions())
  respond(res, 200, { accepted: result.events.length, rejected: result.rejected.length })
  record(ctx, receivedAt, body, result)
  if (result.events.length > 0 || result.rejected.length > 0) setImmediate(deliver, ctx, result)
}

function checkRequestLine(req: IncomingMessage, ctx: RequestContext): Refusal | undefined {
  if (!ctx.isAllowedHost(req.headers.host)) {
    const detail = `Host ${JSON.stringify(req.headers.host ?? '')} is not this listener`
    return { status: 421, reason: 'bad-host', detail, close: true }
  }
  const path = requestPath(req.url)
  if (path !== ctx.path)
    return { status: 404, reason: 'wrong-path', detail: `no webhook at ${path}`, close: true }
  if (req.method !== 'POST') {
    const detail = `${req.method ?? '?'} is not accepted; POST the telemetry`
    return { status: 405, reason: 'wrong-method', detail, close: true, headers: { Allow: 'POST' } }
  }
  const type = req.headers['content-type']
  if (!isJsonContentType(type)) {
    const detail = `Content-Type ${JSON.stringify(type ?? '')} is not application/json`
    return { status: 415, reason: 'unsupported-media-type', detail, close: true }
  }
  const declared = Number(req.headers['content-length'])
  if (declared > ctx.maxBodyBytes) return tooLarge(ctx.maxBodyBytes)
  return undefined
}

function tooLarge(maxBytes: number): Refusal {
  return { status: 413, reason: 'too-large', detail: `body larger than ${maxBytes} bytes`, close: true }
}

async function verify(ctx: RequestContext, body: Buffer, signature: string): Promise<boolean> {
  try {
    return await ctx.verifier(body, signature, ctx.getPublicKeys())
  } catch (error) {
    // A verifier that fails (a crashed worker) must not let a body through: treat it as unverified.
    ctx.logger.error('webhook signature verification failed', { error: String(error) })
    return false
  }
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false; detail: string } {
  try {
    // A UTF-8 byte order mark is legal before JSON text but JSON.parse rejects it.
    return { ok: true, value: JSON.parse(body.toString('utf8').replace(/^\uFEFF/, '')) as unknown }
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : 'invalid JSON' }
  }
}

function refuse(
  res: ServerResponse,
  ctx: RequestContext,
  at: number,
  refusal: Refusal,
  body: Buffer | undefined,
): void {
  ctx.stats.reject(refusal.reason)
  ctx.rawLog.addBody(at, body, { accepted: false, reason: refusal.reason, detail: refusal.detail })
  ctx.logger.debug('webhook request refused', { status: refusal.status, reason: refusal.reason })
  if (refusal.close) {
    res.setHeader('Connection', 'close')
    // Destroy once the answer is out: whatever the client still sends is not read.
    res.once('finish', () => res.req.destroy())
  }
  respond(res, refusal.status, { error: refusal.reason, detail: refusal.detail }, refusal.headers)
}

function respond(
  res: ServerResponse,
  status: number,
  payload: object,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(payload)
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}

function record(ctx: RequestContext, at: number, body: Buffer, result: ParseResult): void {
  ctx.stats.accept(result.events.length, at)
  for (const rejected of result.rejected) ctx.stats.reject(rejected.reason)
  // Counts, not a sentence: the inspector says them in the desk's language.
  const counts = { accepted: result.events.length, rejected: result.rejected.length }
  const accepted = result.events.length > 0
  // A body whose every event was refused shows the first reason; each event also gets its own entry.
  const reason = accepted ? undefined : result.rejected[0]?.reason
  ctx.rawLog.addBody(at, body, { accepted, reason, detail: undefined, counts })
  for (const rejected of result.rejected) {
    ctx.rawLog.addEvent(at, rejected.raw, {
      accepted: false,
      reason: rejected.reason,
      detail: rejected.detail,
    })
  }
}

function deliver(ctx: RequestContext, result: ParseResult): void {
  try {
    ctx.onEvents(result)
  } catch (error) {
    ctx.logger.error('telemetry consumer failed', { error: String(error), events: result.events.length })
  }
}
