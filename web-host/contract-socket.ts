import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { RawData, WebSocket } from 'ws'
import type { CallOutcome } from '../shared/domain/errors'
import type { EventName, EventPayload } from '../shared/ipc/contract'
import { decodeMessage, encodeMessage } from '../shared/ipc/wire-codec'
import type { ClientMessage } from '../shared/ipc/wire-protocol'
import type { CallHandlers } from '../core/app/call-handlers'
import { dispatchCall } from '../core/app/dispatch-call'
import { toErrorInfo } from '../core/errors/app-errors'
import type { EventHub, EventSink } from '../core/app/event-hub'
import type { Logger } from '../core/logging/logger'
import { refuseUpgrade } from './upgrade-gate'
import type { UpgradeRules } from './upgrade-gate'

/** A socket with more than this unsent is behind: telemetry waits and coalesces instead of queueing. */
const BACKLOG_LIMIT_BYTES = 4 * 1024 * 1024
/** A client that keeps calling but never reads its results is dropped before it fills our memory. */
const STALLED_READER_BYTES = 64 * 1024 * 1024
/** A frame larger than this is a protocol error (1009) that closes that socket, nothing else. */
export const MAX_MESSAGE_BYTES = 1024 * 1024
/** The renderer has a handful of calls out at once; hundreds mean a runaway client. */
export const MAX_CALLS_IN_FLIGHT = 64
/** One contract socket per tab; the desk uses one to three. */
export const MAX_CONTRACT_CLIENTS = 16

export interface ContractSocketOptions extends Omit<UpgradeRules, 'openClients' | 'maxClients'> {
  handlers: CallHandlers
  hub: EventHub
  logger: Logger
  /** Defaults to MAX_CONTRACT_CLIENTS. */
  maxClients?: number
}

/**
 * Carries the contract over a WebSocket. A connection is accepted only with the per-launch secret,
 * over the loopback Host and from a page this host served (upgrade-gate.ts), so no other site or
 * local user can drive the app. Whatever one client sends can close its own socket, never the host.
 */
export function attachContractSocket(server: Server, options: ContractSocketOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false })
  wss.on('error', (error) => options.logger.error('contract socket server error', { error }))
  const rules: UpgradeRules = {
    ...options,
    openClients: () => wss.clients.size,
    maxClients: options.maxClients ?? MAX_CONTRACT_CLIENTS,
  }
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until ws takes the socket over, a reset from the client would be an unhandled 'error'.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      options.logger.debug('contract upgrade socket failed', { code: error.code })
    })
    try {
      const refusal = refuseUpgrade(req, rules)
      if (refusal) {
        options.logger.warn('refused a contract connection', { reason: refusal, origin: req.headers.origin })
        return refuseSocket(socket, refusal)
      }
      wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, options))
    } catch (error) {
      options.logger.error('contract upgrade failed', { error })
      socket.destroy()
    }
  })
  return wss
}

/** How long a refused upgrade's answer may take to leave before the socket is simply dropped. */
const REFUSAL_FLUSH_MS = 1_000

/**
 * Answers a refused upgrade and then drops the socket. Ending it is not enough: nothing reads an
 * upgrade socket, so a client that keeps sending (frames after a refused handshake) fills the
 * window, never gets our FIN acknowledged, and the connection sits counted against the cap.
 */
function refuseSocket(socket: Duplex, statusLine: string): void {
  socket.end(`HTTP/1.1 ${statusLine}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () =>
    socket.destroy(),
  )
  setTimeout(() => socket.destroy(), REFUSAL_FLUSH_MS).unref()
}

function serveConnection(ws: WebSocket, options: ContractSocketOptions): void {
  const { logger } = options
  let inFlight = 0
  const sink: EventSink = {
    send<K extends EventName>(name: K, payload: EventPayload<K>): void {
      if (ws.readyState === ws.OPEN) ws.send(encodeMessage({ t: 'event', name, payload }))
    },
    isBackedUp: () => ws.bufferedAmount > BACKLOG_LIMIT_BYTES,
  }
  const detach = options.hub.add(sink)
  ws.on('close', detach)
  // Protocol errors (oversized or malformed frames, bad UTF-8) and socket resets land here; ws has
  // already closed this socket with the right code. Without a listener they would end the process.
  ws.on('error', (error: NodeJS.ErrnoException) => {
    logger.warn('contract socket closed after an error', { code: error.code, message: error.message })
  })
  ws.on('message', (data, isBinary) => {
    const message = readCall(data, isBinary)
    if (!message) return ws.close(1003, 'malformed message')
    if (inFlight >= MAX_CALLS_IN_FLIGHT) return ws.close(1008, 'too many calls in flight')
    inFlight++
    dispatchCall(options.handlers, message.name, message.input, logger)
      .catch((error: unknown): CallOutcome<unknown> => {
        logger.error('call dispatch failed', { error, call: String(message.name) })
        return { ok: false, error: toErrorInfo(error) }
      })
      .then((outcome) => sendResult(ws, message.id, outcome, logger))
      .catch((error: unknown) => logger.error('could not answer a call', { error }))
      .finally(() => inFlight--)
  })
}

function readCall(data: RawData, isBinary: boolean): ClientMessage | null {
  try {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
    const message = decodeMessage(isBinary ? bytes : bytes.toString('utf8')) as ClientMessage
    return message?.t === 'call' && typeof message.id === 'number' ? message : null
  } catch {
    return null
  }
}

/** Sends one call's outcome; a result that cannot be encoded is answered as an internal error. */
function sendResult(ws: WebSocket, id: number, outcome: CallOutcome<unknown>, logger: Logger): void {
  if (ws.readyState !== ws.OPEN) return
  if (ws.bufferedAmount > STALLED_READER_BYTES) {
    logger.warn('dropping a contract client that does not read its results', { buffered: ws.bufferedAmount })
    return ws.terminate()
  }
  let frame: string | Uint8Array
  try {
    frame = encodeMessage({ t: 'result', id, outcome })
  } catch (error) {
    logger.error('a call result could not be encoded', { error })
    frame = encodeMessage({ t: 'result', id, outcome: { ok: false, error: toErrorInfo(error) } })
  }
  ws.send(frame)
}
