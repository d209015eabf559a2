import { DeliverPolicy } from '@nats-io/jetstream'
import type { ConsumerMessages } from '@nats-io/jetstream'
import type { Logger } from '../../core/logging/logger'
import { fixesFrame, streamItem } from './feed-frames'
import type { FeedItem } from './feed-frames'
import type { NatsLink } from './nats-link'
import { fixSubjects } from './names'
import type { OrgStores } from './org-stores'

/** What the tail hands every live desk: the items, and their frame encoded once for all of them. */
export interface TailBatch {
  items: FeedItem[]
  lastSeq: number
  frame: string
}

/** Items wait this long for company, so desks get one frame per beat instead of one per fix. */
const FLUSH_MS = 5
const MAX_BATCH = 500

/**
 * This node's one subscription to the organization's stream, from the moment it started: every
 * desk that has caught up is fed from it, so a node reads each fix once however many desks it
 * serves. The consumer is an ordered one: after a NATS restart it resumes where it stopped.
 */
export class StreamTail {
  private broadcast: number
  private pending: FeedItem[] = []
  private flushTimer: ReturnType<typeof setTimeout> | null = null
  private readonly subscribers = new Set<(batch: TailBatch) => void>()

  private constructor(
    startAfter: number,
    private readonly messages: ConsumerMessages,
    private readonly logger: Logger,
  ) {
    this.broadcast = startAfter
  }

  static async start(link: NatsLink, stores: OrgStores, logger: Logger): Promise<StreamTail> {
    const info = await link.jsm.streams.info(stores.stream)
    const startAfter = info.state.last_seq
    const consumer = await link.js.consumers.get(stores.stream, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: startAfter + 1,
      filter_subjects: fixSubjects(stores.organizationId),
    })
    const tail = new StreamTail(startAfter, await consumer.consume({ max_messages: 2000 }), logger)
    tail.pump()
    return tail
  }

  /** The last sequence handed to subscribers: a desk caught up to it may subscribe without a gap. */
  lastBroadcast(): number {
    return this.broadcast
  }

  subscribe(fn: (batch: TailBatch) => void): () => void {
    this.subscribers.add(fn)
    return () => this.subscribers.delete(fn)
  }

  stop(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.messages.stop()
  }

  private pump(): void {
    void (async () => {
      for await (const message of this.messages) {
        this.pending.push(streamItem(message.seq, message.subject, message.string()))
        if (this.pending.length >= MAX_BATCH) this.flush()
        else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS)
      }
    })().catch((error: unknown) => this.logger.error('stream tail stopped', { error: String(error) }))
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    const items = this.pending
    if (items.length === 0) return
    this.pending = []
    const lastSeq = items[items.length - 1]!.seq
    this.broadcast = lastSeq
    const batch: TailBatch = { items, lastSeq, frame: fixesFrame(items) }
    for (const fn of this.subscribers) {
      try {
        fn(batch)
      } catch (error) {
        this.logger.error('a desk failed to take a batch', { error: String(error) })
      }
    }
  }
}
