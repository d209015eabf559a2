import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import type { EventName, EventPayload } from '../../shared/ipc/contract'
import { decodeMessage, encodeMessage } from '../../shared/ipc/wire-codec'
import type { ClientMessage } from '../../shared/ipc/wire-protocol'
import { WIRE_PATH } from '../../shared/ipc/wire-protocol'
import type { CallHandlers } from '../main/services/app/call-handlers'
import { dispatchCall } from '../main/services/app/dispatch-call'
import type { EventHub, EventSink } from '../main/services/app/event-hub'
import type { Logger } from '../main/services/logging/logger'

/** A socket with more than this unsent is behind: telemetry waits and coalesces instead of queueing. */
const BACKLOG_LIMIT_BYTES = 4 * 1024 * 1024
const MAX_MESSAGE_BYTES = 1024 * 1024

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Carries the contract over a WebSocket. A connection is accepted only with the per-launch secret
 * and from a page this host served (Origin check), so no other site or local user can drive the app.
 */
export function attachContractSocket(
  server: Server,
  options: {
    secret: string
    allowedOrigins: () => string[]
    handlers: CallHandlers
    hub: EventHub
    logger: Logger
  },
): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://host')
    const refusal =
      url.pathname !== WIRE_PATH
        ? '404 Not Found'
        : !sameSecret(url.searchParams.get('secret') ?? '', options.secret)
          ? '401 Unauthorized'
          : !options.allowedOrigins().includes(req.headers.origin ?? '')
            ? '403 Forbidden'
            : null
    if (refusal) {
      options.logger.warn('refused a contract connection', { reason: refusal, origin: req.headers.origin })
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, options))
  })
  return wss
}

function serveConnection(
  ws: WebSocket,
  options: { handlers: CallHandlers; hub: EventHub; logger: Logger },
): void {
  const sink: EventSink = {
    send<K extends EventName>(name: K, payload: EventPayload<K>): void {
      if (ws.readyState === ws.OPEN) ws.send(encodeMessage({ t: 'event', name, payload }))
    },
    isBackedUp: () => ws.bufferedAmount > BACKLOG_LIMIT_BYTES,
  }
  const detach = options.hub.add(sink)
  ws.on('close', detach)
  ws.on('message', (data, isBinary) => {
    let message: ClientMessage
    try {
      const raw = isBinary ? new Uint8Array(data as Buffer) : (data as Buffer).toString('utf8')
      message = decodeMessage(raw) as ClientMessage
      if (message?.t !== 'call' || typeof message.id !== 'number') throw new Error('not a call')
    } catch {
      ws.close(1003, 'malformed message')
      return
    }
    void dispatchCall(options.handlers, message.name, message.input, options.logger).then((outcome) => {
      if (ws.readyState === ws.OPEN) ws.send(encodeMessage({ t: 'result', id: message.id, outcome }))
    })
  })
}
