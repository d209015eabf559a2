import type { AppErrorInfo } from '../../shared/domain/errors'
import type { FeedState, RelayLinkState } from '../../shared/domain/feed'
import { RELAY_CLOSE, RELAY_FEED_PATH } from '../../shared/domain/relay-wire'
import { isNetworkFailure } from '../../shared/errors/network-failure'
import { originOf } from '../../shared/net/secure-url'
import { relaySocketUrl } from '../../shared/net/relay-url'
import type { Logger } from '../logging/logger'
import type { Clock } from '../ports/clock'
import type { ConnectRelay } from '../ports/relay-link'
import type { TelemetryEvent } from '../telemetry/telemetry-event'
import { RelayFrameReader } from './relay-frame-reader'

/** The link as the desk's Feed status shows it (FeedState without the choice around it). */
export type RelayLinkStatus = Pick<
  FeedState,
  'state' | 'organizationId' | 'lastSequence' | 'received' | 'connectedAt' | 'lastFixAt' | 'problem'
>

export interface RelayFeedDeps {
  connect: ConnectRelay
  clock: Clock
  logger: Logger
  /** The fixes of one frame, in the relay's order. */
  onFixes(events: TelemetryEvent[]): void
  /** The link's state changed (not called per frame: counters are read with `status()`). */
  onChange(): void
  /** Jitter for retry delays; injectable so tests are exact. */
  random?: () => number
}

/** Retry delays: quick at first (a relay node restarting behind its balancer), then every 10 s. */
const RETRY_MS = [250, 500, 1000, 2000, 4000, 8000, 10_000]

/**
 * A desk's subscription to a Fleet Relay: connects with the desk key, applies the snapshot and the
 * stream that follows, and after any disconnect resumes from the last sequence it applied, so nothing
 * is missed or applied twice. Retries by itself, except when the relay refuses the key.
 */
export class RelayFeed {
  private target: { baseUrl: string; socketUrl: string; key: string } | null = null
  private link: { close(): void } | null = null
  private cancelRetry: (() => void) | null = null
  private attempt = 0
  private current: RelayLinkStatus = idle()
  private received = 0
  private lastFixAt: number | null = null

  constructor(private readonly deps: RelayFeedDeps) {}

  /** Follows this relay with this key; the same address keeps its place in the stream. */
  follow(relayUrl: string, key: string): void {
    const socketUrl = relaySocketUrl(relayUrl, RELAY_FEED_PATH)
    if (socketUrl === null) throw new Error('follow() needs an address isRelayUrl accepts')
    const sameRelay = this.target?.socketUrl === socketUrl
    this.disconnect()
    this.target = { baseUrl: relayUrl, socketUrl, key }
    if (!sameRelay) this.current = idle()
    this.attempt = 0
    this.open('connecting')
  }

  /** Stops following (the desk went back to its own listener). */
  stop(): void {
    this.disconnect()
    this.target = null
    this.current = idle()
    this.deps.onChange()
  }

  /** The store was cleared (sign-out): start again from a snapshot, now. */
  resync(): void {
    this.current = { ...this.current, lastSequence: null }
    const target = this.target
    if (target && this.current.state !== 'refused') this.follow(target.baseUrl, target.key)
  }

  status(): RelayLinkStatus {
    return { ...this.current, received: this.received, lastFixAt: this.lastFixAt }
  }

  private open(state: RelayLinkState): void {
    const target = this.target
    if (!target) return
    this.set({ state })
    const reader = new RelayFrameReader(this.current.lastSequence)
    const link = this.deps.connect(
      { url: target.socketUrl, key: target.key, resumeAfter: this.current.lastSequence },
      {
        opened: () => this.deps.logger.info('relay link open', { relay: originOf(target.baseUrl) }),
        message: (text) => {
          if (this.link === link) this.onFrame(reader, text)
        },
        refused: (status) => {
          if (this.link === link) this.onRefused(status)
        },
        failed: (code) => {
          if (this.link !== link) return
          const network = isNetworkFailure(code) ? code : 'other'
          this.retry({ code: 'relay-unreachable', facts: { target: this.origin(), network } })
        },
        closed: (code, reason) => {
          if (this.link === link) this.onClosed(code, reason)
        },
      },
    )
    this.link = link
  }

  private onFrame(reader: RelayFrameReader, text: string): void {
    const read = reader.read(text)
    if (read.kind === 'bad') {
      this.deps.logger.warn('relay sent an unreadable frame', { detail: read.detail })
      return this.retry({ code: 'relay-bad-message', facts: { detail: read.detail } })
    }
    if (read.kind === 'hello') {
      this.attempt = 0
      this.set({
        state: 'connected',
        organizationId: read.organizationId,
        connectedAt: this.deps.clock.now(),
        problem: null,
      })
    }
    if (read.events.length > 0) {
      this.received += read.events.length
      this.lastFixAt = this.deps.clock.now()
      this.apply(read.events)
    }
    // Only a finished snapshot or an applied stream message moves the resume point.
    if (read.lastSequence !== this.current.lastSequence) {
      this.current = { ...this.current, lastSequence: read.lastSequence }
    }
  }

  private apply(events: TelemetryEvent[]): void {
    try {
      this.deps.onFixes(events)
    } catch (error) {
      this.deps.logger.error('applying relay fixes failed', { error: String(error), events: events.length })
    }
  }

  private onRefused(status: number): void {
    if (status === 401 || status === 403) {
      this.disconnect()
      this.deps.logger.warn('the relay refused the desk key', { relay: this.origin(), status })
      return this.set({ state: 'refused', connectedAt: null, problem: { code: 'relay-key-refused', status } })
    }
    const target = this.origin()
    if (status === 503) return this.retry({ code: 'relay-unavailable', facts: { target }, status })
    this.retry({ code: 'relay-refused-status', facts: { target }, status })
  }

  private onClosed(code: number, reason: string): void {
    if (code === RELAY_CLOSE.revoked) return this.onRefused(401)
    if (code === RELAY_CLOSE.tooSlow) {
      this.attempt = 0
      return this.retry({ code: 'relay-too-slow' })
    }
    if (code === RELAY_CLOSE.unavailable) {
      return this.retry({ code: 'relay-unavailable', facts: { target: this.origin() } })
    }
    const detail = reason === '' ? `code ${code}` : `code ${code}: ${reason}`
    this.retry({ code: 'relay-dropped', facts: { detail } })
  }

  /** Drops the connection and tries again after a growing, jittered delay. */
  private retry(problem: AppErrorInfo): void {
    this.disconnect()
    this.set({ state: 'reconnecting', connectedAt: null, problem })
    const base = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)]!
    this.attempt++
    const delay = Math.round(base * (0.8 + 0.4 * (this.deps.random ?? Math.random)()))
    this.cancelRetry = this.deps.clock.setTimer(() => {
      this.cancelRetry = null
      this.open('reconnecting')
    }, delay)
  }

  private disconnect(): void {
    this.cancelRetry?.()
    this.cancelRetry = null
    const link = this.link
    this.link = null
    link?.close()
  }

  private set(change: Partial<RelayLinkStatus>): void {
    this.current = { ...this.current, ...change }
    this.deps.onChange()
  }

  private origin(): string {
    return (this.target && originOf(this.target.baseUrl)) ?? ''
  }
}

function idle(): RelayLinkStatus {
  return {
    state: 'off',
    organizationId: null,
    lastSequence: null,
    received: 0,
    connectedAt: null,
    lastFixAt: null,
    problem: null,
  }
}
