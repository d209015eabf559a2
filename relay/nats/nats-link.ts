import { connect } from '@nats-io/transport-node'
import type { NatsConnection } from '@nats-io/transport-node'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream'
import { Kvm } from '@nats-io/kv'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { describe } from '../../shared/errors/describe'
import type { Logger } from '../../core/logging/logger'

/** A JetStream call that gets no answer within this is a failure: Tagora's delivery waits on it. */
const JS_TIMEOUT_MS = 3_000

export interface NatsLink {
  readonly nc: NatsConnection
  readonly js: JetStreamClient
  readonly jsm: JetStreamManager
  readonly kvm: Kvm
  /**
   * True while connected. Publishes are tried only then: a disconnected client would hold them in its
   * buffer and send them after a 503 was already answered.
   */
  up(): boolean
  /** Why NATS cannot be used now (for the log and /health), or null. */
  problem(): AppErrorInfo | null
  /** Called on every change of `up()`; returns the unsubscribe function. */
  onChange(fn: (up: boolean) => void): () => void
  close(): Promise<void>
}

/**
 * Connects to NATS and keeps reconnecting for as long as the relay runs. `waitForFirst` (the relay
 * node) keeps trying until the first connection too; without it (the keys command) an unreachable
 * server is an error at once.
 */
export async function connectNats(
  url: string,
  options: { name: string; logger: Logger; waitForFirst: boolean },
): Promise<NatsLink> {
  const nc = await connect({
    servers: url,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: options.waitForFirst,
    // A dead server is noticed within about 10 s even when no socket error says so.
    pingInterval: 5_000,
    maxPingOut: 2,
  })
  const js = jetstream(nc, { timeout: JS_TIMEOUT_MS })
  const jsm = await jetstreamManager(nc, { timeout: JS_TIMEOUT_MS })
  const listeners = new Set<(up: boolean) => void>()
  let connected = true
  let lastProblem: AppErrorInfo | null = null
  const set = (up: boolean, detail: string): void => {
    if (up === connected) return
    connected = up
    lastProblem = up ? null : { code: 'nats-unavailable', facts: { target: url, detail } }
    if (lastProblem) options.logger.warn(describe(lastProblem, 'en'))
    else options.logger.info('NATS is back', { nats: url })
    for (const fn of listeners) fn(up)
  }
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' || status.type === 'staleConnection') set(false, status.type)
      else if (status.type === 'reconnect') set(true, status.type)
    }
  })().catch((error: unknown) => options.logger.error('NATS status stream failed', { error: String(error) }))
  return {
    nc,
    js,
    jsm,
    kvm: new Kvm(js),
    up: () => connected && !nc.isClosed(),
    problem: () => lastProblem,
    onChange(fn) {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
    close: () => nc.close(),
  }
}
