import { RELAY_CLOSE } from '../../shared/domain/relay-wire'
import type { Logger } from '../../core/logging/logger'
import { fixesFrame, snapshotFrame } from '../nats/feed-frames'
import type { FeedItem } from '../nats/feed-frames'
import type { TailBatch } from '../nats/stream-tail'
import type { FeedSource } from './feed-source'

/** The part of a ws socket a session uses (a fake in tests). */
export interface DeskSocket {
  send(text: string): void
  close(code: number, reason: string): void
  readonly bufferedAmount: number
}

export interface DeskLimits {
  /** A live desk this far behind (bytes queued to it) is cut with RELAY_CLOSE.tooSlow; it resumes on its own. */
  maxBufferedBytes: number
  /** Catch-up pauses while more than this is queued, so a slow desk never makes the node read ahead. */
  drainBelowBytes: number
  /** How long catch-up waits for a queue to drain before cutting the desk. */
  drainTimeoutMs: number
}

export const DEFAULT_DESK_LIMITS: DeskLimits = {
  maxBufferedBytes: 16 * 1024 * 1024,
  drainBelowBytes: 1024 * 1024,
  drainTimeoutMs: 30_000,
}

/**
 * One desk's feed: a snapshot of the latest fixes (when it has no place in the stream, or its place
 * fell out of retention), the stream from its place until it meets this node's tail, then the tail.
 * Every frame carries sequences, and nothing at or below the last one sent is sent again.
 */
export class DeskSession {
  private lastSent = 0
  /** Snapshot items newer than the snapshot's sequence: their stream copy is skipped once. */
  private skip = new Map<string, number>()
  private unsubscribe: (() => void) | null = null
  private closed = false

  constructor(
    private readonly socket: DeskSocket,
    private readonly source: FeedSource,
    private readonly options: {
      name: string
      node: string
      resumeAfter: number | null
      limits: DeskLimits
      logger: Logger
    },
  ) {}

  /** Runs until the desk is live on the tail; a failure closes the socket (the desk retries). */
  async start(): Promise<void> {
    try {
      const resumeAfter = await this.resumePoint()
      const resumed = resumeAfter !== null
      this.send({ t: 'hello', organizationId: this.source.organizationId, node: this.options.node, resumed })
      this.lastSent = resumed ? resumeAfter : await this.snapshot()
      await this.catchUp()
    } catch (error) {
      this.options.logger.warn('desk feed failed; the desk will reconnect', {
        desk: this.options.name,
        error: String(error),
      })
      this.close(RELAY_CLOSE.unavailable, 'feed unavailable')
    }
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.unsubscribe?.()
    this.socket.close(code, reason)
  }

  /** The desk's own place, unless the stream no longer holds what follows it (or never held it). */
  private async resumePoint(): Promise<number | null> {
    const asked = this.options.resumeAfter
    if (asked === null) return null
    const { first, last } = await this.source.bounds()
    const lost = asked > last || (first > asked + 1 && last >= first)
    return lost ? null : asked
  }

  /** The latest fix per asset; returns the stream sequence the snapshot stands for. */
  private async snapshot(): Promise<number> {
    const { last } = await this.source.bounds()
    await this.source.readLatest(async (items) => {
      for (const item of items) if (item.seq > last) this.skip.set(item.token, item.seq)
      this.sendText(snapshotFrame(items))
      return this.drained()
    })
    this.send({ t: 'snapshot-end', seq: last })
    return last
  }

  /**
   * Reads the stream from the desk's place until it meets the tail. The switch to the tail happens in
   * the same turn as the check that allows it, so no batch can slip between them.
   */
  private async catchUp(): Promise<void> {
    while (!this.closed && !this.joinIfCaughtUp()) {
      const from = this.lastSent
      await this.source.readAfter(from, async (items) => {
        this.sendItems(items)
        return !this.joinIfCaughtUp() && (await this.drained())
      })
      // Nothing after the desk's place, yet the tail is ahead: those messages expired in between.
      if (this.lastSent === from && !this.closed) this.lastSent = this.source.tail.lastBroadcast()
    }
  }

  private joinIfCaughtUp(): boolean {
    if (this.unsubscribe) return true
    if (this.lastSent < this.source.tail.lastBroadcast()) return false
    this.unsubscribe = this.source.tail.subscribe((batch) => this.onBatch(batch))
    return true
  }

  private onBatch(batch: TailBatch): void {
    if (this.socket.bufferedAmount > this.options.limits.maxBufferedBytes) {
      this.options.logger.info('desk fell behind; cut to resume', { desk: this.options.name })
      return this.close(RELAY_CLOSE.tooSlow, 'too slow')
    }
    const first = batch.items[0]
    if (first && first.seq > this.lastSent && this.skip.size === 0) {
      this.sendText(batch.frame)
      this.lastSent = batch.lastSeq
      return
    }
    this.sendItems(batch.items)
  }

  /** Sends what the desk has not had, in order; the snapshot's own copies are skipped once. */
  private sendItems(items: readonly FeedItem[]): void {
    const fresh = items.filter((item) => item.seq > this.lastSent && this.skip.get(item.token) !== item.seq)
    if (items.length > 0) this.lastSent = Math.max(this.lastSent, items[items.length - 1]!.seq)
    if (this.skip.size > 0)
      for (const [token, seq] of this.skip) if (seq <= this.lastSent) this.skip.delete(token)
    if (fresh.length > 0) this.sendText(fixesFrame(fresh))
  }

  /** Waits until the socket's queue is short again; false (and the desk cut) when it never drains. */
  private async drained(): Promise<boolean> {
    const { drainBelowBytes, drainTimeoutMs } = this.options.limits
    const deadline = Date.now() + drainTimeoutMs
    while (!this.closed && this.socket.bufferedAmount > drainBelowBytes) {
      if (Date.now() > deadline) {
        this.close(RELAY_CLOSE.tooSlow, 'too slow')
        return false
      }
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    return !this.closed
  }

  private send(message: object): void {
    this.sendText(JSON.stringify(message))
  }

  private sendText(text: string): void {
    if (!this.closed) this.socket.send(text)
  }
}
