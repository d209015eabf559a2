import { STATUS_CODES } from 'node:http'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import { RELAY_FEED_PATH, RELAY_RESUME_HEADER } from '../../shared/domain/relay-wire'
import type { Logger } from '../../core/logging/logger'
import { requestPath } from '../../core/listener/request-guards'
import { DEFAULT_DESK_LIMITS, DeskSession } from './desk-session'
import type { DeskLimits } from './desk-session'
import type { FeedSource } from './feed-source'

export interface DeskGatewayDeps {
  /** The desk key's name, or null when no key matches (unknown or revoked); rejects when NATS cannot say. */
  verify(key: string): Promise<string | null>
  /** The organization's feed, or null until this node has signed in and opened its stream. */
  source(): FeedSource | null
  natsUp(): boolean
  node: string
  logger: Logger
  /** Desks one node serves at most (default 512); past it, 503 and the balancer's other nodes. */
  maxDesks?: number
  limits?: DeskLimits
}

/** Live desks answer a ping within this, or their socket is dropped (a desk gone without a word). */
const PING_MS = 15_000

/**
 * The desks' WebSocket: a desk key as a Bearer credential on the upgrade, checked against NATS at
 * every connection (a revoked key is refused by every node at once), then one DeskSession per desk.
 * Every refusal is an HTTP status on the upgrade, so the desk can tell a bad key (401) from a relay
 * that cannot reach NATS (503).
 */
export class DeskGateway {
  private readonly wss = new WebSocketServer({
    noServer: true,
    // Desks send nothing but pongs: a frame of any size is not one of ours.
    maxPayload: 4096,
    perMessageDeflate: false,
    clientTracking: false,
  })
  private readonly sessions = new Map<WebSocket, { session: DeskSession; name: string; alive: boolean }>()
  private readonly pinger: ReturnType<typeof setInterval>

  constructor(private readonly deps: DeskGatewayDeps) {
    this.pinger = setInterval(() => this.ping(), PING_MS)
    this.pinger.unref()
  }

  get count(): number {
    return this.sessions.size
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Before anything can wait: a client that resets now must not raise an unhandled 'error'.
    socket.on('error', () => socket.destroy())
    const asked = this.check(req)
    if (typeof asked === 'number') return reject(socket, asked)
    const source = this.deps.source()
    if (!source || !this.deps.natsUp()) return reject(socket, 503)
    this.deps.verify(asked.key).then(
      (name) => {
        if (name === null) return reject(socket, 401)
        if (socket.destroyed) return
        this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, name, source, asked.resumeAfter))
      },
      (error: unknown) => {
        this.deps.logger.warn('desk key could not be checked', { error: String(error) })
        reject(socket, 503)
      },
    )
  }

  /** Cuts every desk connected with the key of `name` (revoked on any node). */
  revoke(name: string): number {
    let cut = 0
    for (const [ws, entry] of this.sessions) {
      if (entry.name !== name) continue
      entry.session.close(4001, 'key revoked')
      this.sessions.delete(ws)
      cut++
    }
    if (cut > 0) this.deps.logger.info('desk key revoked: its desks were cut', { desk: name, desks: cut })
    return cut
  }

  /** A stopping node: desks reconnect through the balancer to another node and resume there. */
  close(): void {
    clearInterval(this.pinger)
    for (const entry of this.sessions.values()) entry.session.close(1001, 'relay node stopping')
    this.sessions.clear()
  }

  /** The key and resume point a desk asks with, or the HTTP status that refuses it. */
  private check(req: IncomingMessage): number | { key: string; resumeAfter: number | null } {
    if (requestPath(req.url) !== RELAY_FEED_PATH) return 404
    if (this.sessions.size >= (this.deps.maxDesks ?? 512)) return 503
    const auth = req.headers.authorization ?? ''
    const key = /^Bearer (\S+)$/.exec(auth)?.[1]
    if (!key) return 401
    const resume = req.headers[RELAY_RESUME_HEADER]
    if (resume === undefined) return { key, resumeAfter: null }
    if (typeof resume !== 'string' || !/^\d{1,15}$/.test(resume)) return 400
    return { key, resumeAfter: Number(resume) }
  }

  private open(ws: WebSocket, name: string, source: FeedSource, resumeAfter: number | null): void {
    const session = new DeskSession(ws, source, {
      name,
      node: this.deps.node,
      resumeAfter,
      limits: this.deps.limits ?? DEFAULT_DESK_LIMITS,
      logger: this.deps.logger,
    })
    const entry = { session, name, alive: true }
    this.sessions.set(ws, entry)
    // The close event follows any error: the session ends there, and nothing a desk sends ends the node.
    ws.on('error', () => undefined)
    ws.on('pong', () => (entry.alive = true))
    ws.on('close', () => {
      this.sessions.delete(ws)
      session.close(1000, 'closed')
    })
    this.deps.logger.info('desk connected', { desk: name, resumeAfter })
    void session.start()
  }

  private ping(): void {
    for (const [ws, entry] of this.sessions) {
      if (!entry.alive) {
        ws.terminate()
        continue
      }
      entry.alive = false
      ws.ping()
    }
  }
}

function reject(socket: Duplex, status: number): void {
  if (socket.destroyed) return
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  )
  // A client that keeps the socket open after the answer is let go of.
  setTimeout(() => socket.destroy(), 1000).unref()
}
