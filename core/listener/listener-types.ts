import type { KeyObject } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { ListenerState, RawEventRecord } from '../../shared/domain/listener'
import type { Clock } from '../ports/clock'
import type { Logger } from '../logging/logger'
import type { ParseOptions, ParseResult } from '../telemetry/telemetry-event'
import type { LoadLimits } from './load-shedder'
import type { ProbeRegistry } from './probe-registry'
import type { ReplayGuardOptions } from './replay-guard'
import type { PublicRoute } from './request-guards'

/**
 * Checks a signature header against the raw body; a promise lets the check run off the listener's
 * thread (the default does, in batches on a worker thread: signature-worker.ts).
 */
export type Verifier = (
  rawBody: Buffer,
  header: string,
  keys: readonly KeyObject[],
) => boolean | Promise<boolean>

export type { RawEventRecord } from '../../shared/domain/listener'

/**
 * What a host serves beside the webhook on the same port (the relay: its health and the desks'
 * WebSocket). Checked before any webhook rule, so these answer whatever Host they are asked for.
 */
export interface HostRoutes {
  /** Answers the request and returns true when it is the host's; false leaves it to the webhook. */
  handle(req: IncomingMessage, res: ServerResponse): boolean
  /** An HTTP upgrade (WebSocket); the socket is the host's from here on, errors included. */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): void
}

export interface WebhookListenerOptions {
  host: string
  port: number
  /** e.g. /tagora/events */
  path: string
  /** KeyObjects of every active webhook, built once from their PEM. */
  getPublicKeys(): readonly KeyObject[]
  /** Called after the response is sent, off the request path. */
  onEvents(batch: ParseResult): void
  /**
   * Where verified events must be stored before Tagora hears 2xx (the relay: JetStream). Resolves
   * false (or rejects) when it could not take them: the answer is then 503 with Retry-After, nothing
   * counts as received, and the same body may come again without being taken for a replay.
   */
  commit?(batch: ParseResult): Promise<boolean>
  /** Routes of the host beside the webhook (see HostRoutes). */
  hostRoutes?: HostRoutes
  parseOptions(): ParseOptions
  /**
   * The public Host and path of every registered webhook's postUrl, read per request: tunnels and
   * proxies keep them, so these are accepted besides the listener's own names and path.
   */
  publicRoutes?: () => readonly PublicRoute[]
  /** One-time nonces of "Test the public URL" probes, shared with whoever sends them. */
  probes?: ProbeRegistry
  /** Replay window and memory bound (defaults: 15 min, 500,000 bodies). */
  replay?: ReplayGuardOptions
  /** Caps on connections and bodies in flight (load-shedder.ts). */
  limits?: Partial<LoadLimits>
  logger: Logger
  clock?: Clock
  /** Default 1 MiB. */
  maxBodyBytes?: number
  /** Time allowed for the request headers (default 10 s). */
  headersTimeoutMs?: number
  /** Time allowed for the body once the headers are in (default 10 s). */
  bodyTimeoutMs?: number
  /** Raw events kept for the inspector (default 200). */
  rawEventLog?: number
  /** Default: ed25519 in batches on a worker thread, libuv's pool if it fails (signature-worker.ts). */
  verifier?: Verifier
}

export interface WebhookListener {
  /** Binds and resolves with the new state; on failure the state is 'error' with a message for the user. */
  start(): Promise<ListenerState>
  stop(): Promise<void>
  state(): ListenerState
  /** Called when the listener starts, stops or fails (not per request); returns the unsubscribe function. */
  onStateChange(fn: (state: ListenerState) => void): () => void
  /** Oldest first. */
  recentRawEvents(): RawEventRecord[]
}
