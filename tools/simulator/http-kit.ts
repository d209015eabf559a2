import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

const MAX_BODY_BYTES = 1_000_000

/** Writes envelope responses for one request; every one carries the same requestId. */
export interface Reply {
  requestId: string
  /** `{data, requestId}` */
  data(status: number, data: unknown): void
  /** A body the route serialized itself (large pages), sent as is. */
  raw(status: number, body: string): void
  /** `{error:{code,message}, requestId}` */
  error(status: number, code: string, message: string, headers?: Record<string, string>): void
}

export function createReply(res: ServerResponse, now: () => number): Reply {
  const requestId = randomUUID()
  const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
    if (res.headersSent) return
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'X-Request-Id': requestId,
      // The server's clock (skew included): clients judge token expiry by it.
      Date: new Date(now()).toUTCString(),
      'Cache-Control': 'no-store',
      ...headers,
    })
    res.end(body)
  }
  return {
    requestId,
    data: (status, data) => send(status, JSON.stringify({ data, requestId })),
    raw: (status, body) => send(status, body),
    error: (status, code, message, headers) =>
      send(status, JSON.stringify({ error: { code, message }, requestId }), headers),
  }
}

export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; message: string }

/** Reads a JSON object body; anything else (bad JSON, arrays, too large) is a 400 message. */
export async function readJsonObject(req: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > MAX_BODY_BYTES) return { ok: false, message: 'request body is too large' }
    chunks.push(buf)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return { ok: false, message: 'request body must be a JSON object' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: 'request body is not valid JSON' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'request body must be a JSON object' }
  }
  return { ok: true, value: value as Record<string, unknown> }
}

/** Picks required string fields; returns the names that are missing or not non-empty strings. */
export function requireStrings<K extends string>(
  body: Record<string, unknown>,
  keys: readonly K[],
): { ok: true; values: Record<K, string> } | { ok: false; missing: K[] } {
  const missing = keys.filter((k) => typeof body[k] !== 'string' || body[k] === '')
  if (missing.length > 0) return { ok: false, missing }
  return { ok: true, values: Object.fromEntries(keys.map((k) => [k, body[k]])) as Record<K, string> }
}

const STATUS_CODES: Record<number, string> = {
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
}

/** Error code for an injected failure status. */
export function codeForStatus(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'server_error' : 'request_failed')
}
