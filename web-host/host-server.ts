import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Logger } from '../core/logging/logger'
import { isAllowedHost, readRequestTarget } from './request-guards'

/**
 * Limits of the browser host's HTTP server. The real clients are one to three tabs of one desk, so
 * these are far above what they need and far below what would let one client starve the process.
 */
export const HTTP_LIMITS: HttpLimits = {
  /** Open TCP connections, WebSocket ones included (Chromium opens at most 6 per host). */
  maxConnections: 64,
  /** A request's headers must be complete this long after it started (slowloris). */
  headersTimeoutMs: 10_000,
  /** A whole request, body included: this host only serves GETs. */
  requestTimeoutMs: 30_000,
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: 5_000,
  /** A socket that neither sends nor reads for this long is closed (a stalled download). */
  idleSocketTimeoutMs: 60_000,
}

export interface HttpLimits {
  maxConnections: number
  headersTimeoutMs: number
  requestTimeoutMs: number
  keepAliveTimeoutMs: number
  idleSocketTimeoutMs: number
}

export type GuardedHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>

/**
 * The browser host's HTTP server: every request passes the Host and request-target checks first,
 * and whatever a handler throws or rejects with becomes a 500 for that request, never a crash.
 */
export function createHostServer(options: {
  allowedHosts: () => readonly string[]
  handle: GuardedHandler
  logger: Logger
  /** Tests shorten the deadlines; the host uses HTTP_LIMITS. */
  limits?: Partial<HttpLimits>
}): Server {
  const limits = { ...HTTP_LIMITS, ...options.limits }
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node checks the two deadlines above on this beat (30 s by default, longer than the deadlines).
    connectionsCheckingInterval: Math.min(1_000, Math.max(10, Math.floor(limits.headersTimeoutMs / 4))),
  })
  server.maxConnections = limits.maxConnections
  server.keepAliveTimeout = limits.keepAliveTimeoutMs
  server.setTimeout(limits.idleSocketTimeoutMs)
  server.on('clientError', answerClientError)
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const fail = (error: unknown): void => {
      options.logger.error('browser host request failed', { error, method: req.method })
      if (!res.headersSent) res.writeHead(500, { Connection: 'close' }).end()
      else res.destroy()
    }
    try {
      if (!isAllowedHost(req, options.allowedHosts())) return refuse(res, 421, 'Misdirected Request')
      const target = readRequestTarget(req.url)
      if (!target.ok) return refuse(res, 400, `Bad Request: ${target.reason}`)
      options.handle(req, res, target.pathname).catch(fail)
    } catch (error) {
      fail(error)
    }
  })
  return server
}

/** A refusal closes the connection: whatever else the client pipelined is not read. */
function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(text)
}

/**
 * Requests Node's parser refused (bad request line, bad header, timeouts): answered on the raw socket.
 * With a 'clientError' listener Node leaves the answer to us, so every case must end the socket.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy()
  const status =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? '408 Request Timeout'
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request'
  // Dropped once the answer is out (or after a second): what the client still sends is not read.
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy())
  setTimeout(() => socket.destroy(), 1_000).unref()
}
