import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { ListenerState } from '../../shared/domain/listener'
import { describe } from '../../shared/errors/describe'
import { systemClock } from '../ports/clock'
import { handleWebhookRequest } from './handle-webhook-request'
import type { RequestContext } from './handle-webhook-request'
import { describeListenError } from './listen-error'
import { ListenerStats } from './listener-stats'
import type { WebhookListener, WebhookListenerOptions } from './listener-types'
import type { ParseResult } from '../telemetry/telemetry-event'
import { RawEventLog } from './raw-event-log'
import { DEFAULT_LOAD_LIMITS, LoadShedder } from './load-shedder'
import { ProbeRegistry } from './probe-registry'
import { ReplayGuard } from './replay-guard'
import { createRouteCheck } from './request-guards'
import { SignatureWorker } from './signature-worker'

export type {
  HostRoutes,
  RawEventRecord,
  Verifier,
  WebhookListener,
  WebhookListenerOptions,
} from './listener-types'

type Lifecycle = Pick<ListenerState, 'state' | 'url' | 'problem'>

const DEFAULT_MAX_BODY = 1024 * 1024
const DEFAULT_TIMEOUT_MS = 10_000

/**
 * The local HTTP endpoint Tagora's POSTs reach through the user's tunnel. Every refusal is counted
 * by reason; nothing unsigned or badly signed is ever parsed. Never throws and never takes the
 * process down: a failure to bind becomes an 'error' state with a message for the user.
 */
export function createWebhookListener(options: WebhookListenerOptions): WebhookListener {
  const clock = options.clock ?? systemClock
  const stats = new ListenerStats()
  const rawLog = new RawEventLog(options.rawEventLog ?? 200)
  // Both outlive a rebind: a body seen before a port change is still a replay after it.
  const replays = new ReplayGuard(options.replay)
  const probes = options.probes ?? new ProbeRegistry()
  // Its thread starts at the first signed body and ends with the listener; it outlives a rebind.
  const signatures = new SignatureWorker(options.logger)
  const listeners = new Set<(state: ListenerState) => void>()
  let lifecycle: Lifecycle = { state: 'off', url: null, problem: null }
  let server: Server | null = null
  let starting: Promise<ListenerState> | null = null

  const state = (): ListenerState => stats.snapshot(lifecycle)
  const setLifecycle = (next: Lifecycle): void => {
    lifecycle = next
    const snapshot = state()
    for (const fn of listeners) {
      try {
        fn(snapshot)
      } catch (error) {
        options.logger.error('listener state subscriber failed', { error: String(error) })
      }
    }
  }
  const fail = (error: unknown): void => {
    const problem = describeListenError(error, options.host, options.port)
    options.logger.warn('webhook listener failed', { problem: describe(problem, 'en') })
    setLifecycle({ state: 'error', url: null, problem })
  }

  const contextFor = (port: number, shedder: LoadShedder): RequestContext => ({
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY,
    bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    route: createRouteCheck(options.host, port, options.path, () => options.publicRoutes?.() ?? []),
    getPublicKeys: () => options.getPublicKeys(),
    verifier: options.verifier ?? signatures.verify,
    parseOptions: () => options.parseOptions(),
    onEvents: (result) => options.onEvents(result),
    ...(options.commit && { commit: (result: ParseResult) => options.commit!(result) }),
    stats,
    rawLog,
    replays,
    probes,
    shedder,
    clock,
    logger: options.logger,
  })

  const bind = (): Promise<ListenerState> =>
    new Promise((resolve) => {
      const shedder = new LoadShedder({ ...DEFAULT_LOAD_LIMITS, ...options.limits }, () =>
        stats.reject('overloaded'),
      )
      const candidate = buildServer(options, stats, shedder)
      const onListenError = (error: unknown): void => {
        candidate.close()
        fail(error)
        resolve(state())
      }
      candidate.once('error', onListenError)
      try {
        candidate.listen(options.port, options.host, () => {
          candidate.off('error', onListenError)
          const port = (candidate.address() as AddressInfo).port
          const context = contextFor(port, shedder)
          candidate.on('request', (req, res) => {
            const socket = req.socket
            shedder.requestStarted(socket)
            res.once('close', () => shedder.requestDone(socket))
            if (answeredByHost(options, req, res)) return
            handleWebhookRequest(req, res, context).catch((error: unknown) => {
              // A rejected request promise would otherwise be unhandled, and Node exits on those.
              options.logger.error('webhook request failed', { error: String(error) })
              if (!res.headersSent) res.writeHead(500).end()
            })
          })
          const routes = options.hostRoutes
          if (routes?.upgrade) {
            candidate.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
              shedder.release(req.socket)
              routes.upgrade?.(req, socket, head)
            })
          }
          candidate.on('error', (error) => {
            fail(error)
            void closeServer(candidate)
            server = null
          })
          server = candidate
          const url = `http://${urlHost(options.host)}:${port}${options.path}`
          setLifecycle({ state: 'listening', url, problem: null })
          resolve(state())
        })
      } catch (error) {
        // listen() throws synchronously for a port out of range.
        onListenError(error)
      }
    })

  return {
    start() {
      if (server) return Promise.resolve(state())
      starting ??= bind().finally(() => (starting = null))
      return starting
    },
    async stop() {
      await starting
      const current = server
      server = null
      if (current) await closeServer(current)
      await signatures.stop()
      if (lifecycle.state !== 'off') setLifecycle({ state: 'off', url: null, problem: null })
    },
    state,
    onStateChange(fn) {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
    recentRawEvents: () => rawLog.list(),
  }
}

/** The host's own routes first (the relay's health); a route that throws answers 500, nothing more. */
function answeredByHost(options: WebhookListenerOptions, req: IncomingMessage, res: ServerResponse): boolean {
  if (!options.hostRoutes) return false
  try {
    return options.hostRoutes.handle(req, res)
  } catch (error) {
    options.logger.error('host route failed', { error: String(error) })
    if (!res.headersSent) res.writeHead(500).end()
    return true
  }
}

function buildServer(options: WebhookListenerOptions, stats: ListenerStats, shedder: LoadShedder): Server {
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_TIMEOUT_MS
  const server = createServer({
    headersTimeout,
    // The body deadline is ours (read-body.ts), counted and answered; Node's whole-request timer would race it.
    requestTimeout: 0,
    // Node checks header deadlines on this beat (30 s by default), so it must be finer than the deadline.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))),
    // An idle keep-alive socket is closed after this. Deliveries come through a tunnel or proxy that
    // pools its connections to us (cloudflared keeps them 90 s, nginx 60 s): closing first races its
    // next POST, which it then answers 502. Idle sockets cost little: at the cap the shedder closes them.
    keepAliveTimeout: 120_000,
  })
  // Our own cap (load-shedder.ts), not maxConnections: that one refuses the newcomer, a real delivery.
  server.on('connection', (socket: Socket) => shedder.admit(socket))
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      stats.reject('timeout')
      endSocket(socket, '408 Request Timeout')
    } else if (error.code === 'HPE_HEADER_OVERFLOW') {
      endSocket(socket, '431 Request Header Fields Too Large')
    } else if (error.code !== 'ECONNRESET') {
      endSocket(socket, '400 Bad Request')
    } else {
      socket.destroy()
    }
  })
  return server
}

function endSocket(socket: Socket, status: string): void {
  if (!socket.writable) return void socket.destroy()
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  // end() only half-closes: a client that keeps sending would hold the socket open. Give the answer
  // a moment to be read (destroying at once can reset it away), then let go.
  setTimeout(() => socket.destroy(), 1000).unref()
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    // close() waits for keep-alive connections to go idle; a stopped listener should not.
    server.closeAllConnections()
  })
}

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}
