import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as a fake vendor server saw it (headers lower-cased). */
export interface SeenRequest {
  method: string
  path: string
  headers: Record<string, string>
  /** Parsed JSON, or the form fields of an urlencoded body, or null. */
  body: unknown
}

export interface FakeReply {
  status: number
  /** Sent as JSON. */
  body?: unknown
  /** Sent as it is, with this content type (a stand-in web page), instead of a JSON body. */
  page?: { contentType: string; text: string }
}

/**
 * One field of a vendor's request or answer: what its document says (quoted, or "not stated"), and what
 * the fake does with it. Each fake exports its table, so a reader sees where the fake holds to the
 * document, where it refuses what the document does not allow, and where it follows our reading.
 */
export interface DocumentedField {
  field: string
  document: string
  fake: string
}

/** Switches every fake shares: slow answers, 5xx, a wrong Date header. */
export interface CommonFaults {
  /** Answer every request with this status (503 etc.) while set. */
  failWith: number | null
  /** Delay before each answer, ms. */
  delayMs: number
  /** Added to the Date header (server clock skew), ms. */
  skewMs: number
}

export interface FakeServer {
  url: string
  requests: SeenRequest[]
  faults: CommonFaults
  close(): Promise<void>
}

/** A loopback HTTP server for a vendor fake: JSON in and out, a Date header from `now`, fault switches. */
export async function startFakeServer(
  route: (request: SeenRequest) => FakeReply,
  now: () => number = Date.now,
  /** Where to listen and the host its url names (a non-loopback address, to test the https rule). */
  bind: { listen: string; host: string } = { listen: '127.0.0.1', host: '127.0.0.1' },
): Promise<FakeServer> {
  const requests: SeenRequest[] = []
  const faults: CommonFaults = { failWith: null, delayMs: 0, skewMs: 0 }
  const server = createServer((req, res) => void handle(req, res))
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const headers: Record<string, string> = {}
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers[key] = value
    const request: SeenRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers,
      body: parseBody(text, headers),
    }
    requests.push(request)
    if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs))
    const reply = faults.failWith
      ? { status: faults.failWith, body: { message: 'fault switch' } }
      : route(request)
    res.writeHead(reply.status, {
      'Content-Type': reply.page?.contentType ?? 'application/json',
      Date: new Date(now() + faults.skewMs).toUTCString(),
    })
    res.end(reply.page ? reply.page.text : reply.body === undefined ? '' : JSON.stringify(reply.body))
  }
  await new Promise<void>((resolve) => server.listen(0, bind.listen, () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${bind.host}:${port}`,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function parseBody(text: string, headers: Record<string, string>): unknown {
  if (!text) return null
  if (headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text))
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** An opaque random token with a readable prefix. */
export function opaqueToken(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString('hex')}`
}

/** The bearer credential of a request, or null. */
export function bearerOf(request: SeenRequest): string | null {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')
  return match?.[1] ?? null
}

/** True when a request says its body is JSON, as every document here asks (`Content-Type: application/json`). */
export function saysJson(request: SeenRequest): boolean {
  return /^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')
}

/** The keys of a JSON object body that are not in `allowed` (a field the document does not have). */
export function unknownKeys(body: unknown, allowed: readonly string[]): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return []
  return Object.keys(body).filter((key) => !allowed.includes(key))
}

/** A JSON object body, or null when the body is anything else (text, an array, a number). */
export function objectBody(request: SeenRequest): Record<string, unknown> | null {
  const body = request.body
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null
}
