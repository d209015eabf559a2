import type { IncomingMessage, ServerResponse } from 'node:http'
import type { KeyObject } from 'node:crypto'
import type { RejectReason } from '../../shared/domain/listener'
import type { Clock } from '../ports/clock'
import type { Logger } from '../logging/logger'
import { parseTelemetryBody } from '../telemetry/parse-telemetry'
import type { ParseOptions, ParseResult } from '../telemetry/telemetry-event'
import { forwardedHeaders } from './forwarded-headers'
import type { ListenerStats } from './listener-stats'
import type { LoadShedder } from './load-shedder'
import { PROBE_HEADER } from './probe-registry'
import type { ProbeRegistry } from './probe-registry'
import type { RawEventLog } from './raw-event-log'
import { readBody } from './read-body'
import type { ReplayGuard } from './replay-guard'
import { isJsonContentType, requestPath } from './request-guards'
import type { RouteVerdict } from './request-guards'
import type { Verifier } from './listener-types'

export const SIGNATURE_HEADER = 'x-tagora-signature'

/** Everything one request needs, fixed for the life of a bound server. */
export interface RequestContext {
  maxBodyBytes: number
  bodyTimeoutMs: number
  route(host: string | undefined, path: string): RouteVerdict
  getPublicKeys(): readonly KeyObject[]
  verifier: Verifier
  parseOptions(): ParseOptions
  onEvents(result: ParseResult): void
  /** Stores verified events before the 2xx (the relay's JetStream); absent for a desk's own listener. */
  commit?: (result: ParseResult) => Promise<boolean>
  stats: ListenerStats
  rawLog: RawEventLog
  replays: ReplayGuard
  probes: ProbeRegistry
  shedder: LoadShedder
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

/**
 * Verifies, parses and answers one webhook POST; refuses everything else with a counted reason.
 * Only what passed the signature check reaches the raw-event inspector: a refused client's body and
 * headers are an attacker's words, counted by reason and never kept.
 */
export async function handleWebhookRequest(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
): Promise<void> {
  const receivedAt = ctx.clock.now()
  const path = requestPath(req.url)
  const early = checkRequestLine(req, path, ctx)
  const probe = headerValue(req, PROBE_HEADER)
  if (early) {
    ctx.probes.refused(probe, early.reason, path, receivedAt)
    return refuse(res, ctx, early)
  }
  if (probe !== undefined) {
    const answer = ctx.probes.answer(probe, receivedAt)
    // A probe proves the route works and goes no further: it is never parsed nor counted as telemetry.
    if (answer !== undefined) return respond(res, 200, { probe: answer }, { Connection: 'close' })
  }

  let evict: (() => void) | undefined
  const pending = readBody(req, ctx.maxBodyBytes, ctx.bodyTimeoutMs, (fn) => (evict = fn))
  const release = ctx.shedder.startBody(() => evict?.())
  if (!release) {
    evict?.()
    await pending
    return refuse(res, ctx, overloaded('too many bodies are being received at once'))
  }
  const read = await pending.finally(release)
  if (read.kind === 'aborted') return void ctx.logger.debug('webhook request aborted by the client')
  if (read.kind === 'evicted') {
    return refuse(res, ctx, overloaded(`body cut after ${read.received} bytes to make room`))
  }
  if (read.kind === 'too-large') return refuse(res, ctx, tooLarge(ctx.maxBodyBytes))
  if (read.kind === 'timeout') {
    const detail = `body not complete after ${ctx.bodyTimeoutMs} ms (${read.received} bytes)`
    return refuse(res, ctx, { status: 408, reason: 'timeout', detail, close: true })
  }
  const body = read.body

  const signature = headerValue(req, SIGNATURE_HEADER)
  if (signature === undefined || signature.trim() === '') {
    return refuse(res, ctx, {
      status: 401,
      reason: 'missing-signature',
      detail: 'no X-Tagora-Signature header',
    })
  }
  if (!(await verify(ctx, body, signature))) {
    const detail = 'signature does not match the body under any active webhook key'
    return refuse(res, ctx, { status: 401, reason: 'bad-signature', detail })
  }
  // Signed by Tagora from here on: the body and the proxy's headers may be shown to the user.
  if (ctx.replays.isReplay(body, receivedAt)) {
    return refuse(res, ctx, { status: 409, reason: 'replay', detail: 'this exact body was already received' })
  }
  const forwarded = forwardedHeaders(req.headers)
  const json = parseJson(body)
  if (!json.ok) {
    const refusal: Refusal = { status: 400, reason: 'bad-json', detail: json.detail }
    ctx.rawLog.addBody(receivedAt, body, {
      accepted: false,
      reason: 'bad-json',
      detail: json.detail,
      forwarded,
    })
    return refuse(res, ctx, refusal)
  }
  const result = parseTelemetryBody(json.value, ctx.parseOptions())
  if (ctx.commit && result.events.length > 0 && !(await committed(ctx, result))) {
    // Nothing was taken: the same bytes must pass when Tagora sends them again.
    ctx.replays.forget(body)
    const detail = 'the events could not be stored; send them again'
    return refuse(res, ctx, { status: 503, reason: 'unavailable', detail, headers: { 'Retry-After': '5' } })
  }
  respond(res, 200, { accepted: result.events.length, rejected: result.rejected.length })
  record(ctx, receivedAt, body, result, forwarded)
  if (result.events.length > 0 || result.rejected.length > 0) setImmediate(deliver, ctx, result)
}

async function committed(ctx: RequestContext, result: ParseResult): Promise<boolean> {
  try {
    return await ctx.commit!(result)
  } catch (error) {
    // A store that throws has not taken the events: the delivery is refused, never half-applied.
    ctx.logger.warn('telemetry could not be stored', { error: String(error), events: result.events.length })
    return false
  }
}

function checkRequestLine(req: IncomingMessage, path: string, ctx: RequestContext): Refusal | undefined {
  const verdict = ctx.route(req.headers.host, path)
  if (verdict === 'bad-host') {
    return { status: 421, reason: 'bad-host', detail: 'Host is not this listener', close: true }
  }
  if (verdict === 'wrong-path') {
    return { status: 404, reason: 'wrong-path', detail: 'no webhook at this path', close: true }
  }
  if (req.method !== 'POST') {
    const detail = 'only POST is accepted'
    return { status: 405, reason: 'wrong-method', detail, close: true, headers: { Allow: 'POST' } }
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    const detail = 'Content-Type is not application/json'
    return { status: 415, reason: 'unsupported-media-type', detail, close: true }
  }
  const declared = Number(req.headers['content-length'])
  if (declared > ctx.maxBodyBytes) return tooLarge(ctx.maxBodyBytes)
  return undefined
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers[name]
  return Array.isArray(header) ? header[0] : header
}

function tooLarge(maxBytes: number): Refusal {
  return { status: 413, reason: 'too-large', detail: `body larger than ${maxBytes} bytes`, close: true }
}

function overloaded(detail: string): Refusal {
  return { status: 503, reason: 'overloaded', detail, close: true, headers: { 'Retry-After': '1' } }
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
    const text = body.toString('utf8')
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown }
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : 'invalid JSON' }
  }
}

/** Counts and answers a refusal; the client's words (its body, its headers) are not kept. */
function refuse(res: ServerResponse, ctx: RequestContext, refusal: Refusal): void {
  ctx.stats.reject(refusal.reason)
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

function record(
  ctx: RequestContext,
  at: number,
  body: Buffer,
  result: ParseResult,
  forwarded: Record<string, string> | undefined,
): void {
  ctx.stats.accept(result.events.length, at)
  for (const rejected of result.rejected) ctx.stats.reject(rejected.reason)
  // Counts, not a sentence: the inspector says them in the desk's language.
  const counts = { accepted: result.events.length, rejected: result.rejected.length }
  const accepted = result.events.length > 0
  // A body whose every event was refused shows the first reason; each event also gets its own entry.
  const reason = accepted ? undefined : result.rejected[0]?.reason
  ctx.rawLog.addBody(at, body, { accepted, reason, detail: undefined, counts, forwarded })
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
