import type { FeedItem } from '../nats/feed-frames'
import type { TailBatch } from '../nats/stream-tail'

/** A page callback: false stops the read (the caller has what it needs). */
export type PageFn = (items: FeedItem[]) => Promise<boolean>

/**
 * What a desk session reads, as the organization's stream and bucket give it (NATS behind it in the
 * relay, a fake in the session's tests).
 */
export interface FeedSource {
  readonly organizationId: string
  /** The stream's first and last sequence now. */
  bounds(): Promise<{ first: number; last: number }>
  /** The latest fix of every asset, in pages. */
  readLatest(page: PageFn): Promise<void>
  /** Stream messages after `after`, in pages, to the stream's end or until `page` says stop. */
  readAfter(after: number, page: PageFn): Promise<void>
  /** This node's live subscription: the last sequence it handed out, and its batches. */
  readonly tail: {
    lastBroadcast(): number
    subscribe(fn: (batch: TailBatch) => void): () => void
  }
}
