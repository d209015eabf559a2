import { DeliverPolicy } from '@nats-io/jetstream'
import type { JsMsg } from '@nats-io/jetstream'
import { latestItem, streamItem } from './feed-frames'
import type { FeedItem } from './feed-frames'
import type { NatsLink } from './nats-link'
import { fixSubjects } from './names'
import type { OrgStores } from './org-stores'

const PAGE = 1000

/** A page callback: false stops the read (the caller has what it needs). */
type Page = (items: FeedItem[]) => Promise<boolean>

/** The stream's first and last sequence now. */
export async function streamBounds(
  link: NatsLink,
  stores: OrgStores,
): Promise<{ first: number; last: number }> {
  const { state } = await link.jsm.streams.info(stores.stream)
  return { first: state.first_seq, last: state.last_seq }
}

/** Stream messages after `after`, in pages, up to the stream's end or until `page` says stop. */
export async function readAfter(link: NatsLink, stores: OrgStores, after: number, page: Page): Promise<void> {
  const consumer = await link.js.consumers.get(stores.stream, {
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: after + 1,
    filter_subjects: fixSubjects(stores.organizationId),
  })
  await readPages(consumer, (m) => streamItem(m.seq, m.subject, m.string()), page)
}

/** The latest fix of every asset from the KV bucket (JetStream's last-per-subject), in pages. */
export async function readLatest(link: NatsLink, stores: OrgStores, page: Page): Promise<void> {
  const bucket = `KV_${(await stores.latest.status()).bucket}`
  const consumer = await link.js.consumers.get(bucket, { deliver_policy: DeliverPolicy.LastPerSubject })
  await readPages(
    consumer,
    (m) => {
      // A key deleted or purged by hand holds no fix.
      const operation = m.headers?.get('KV-Operation') ?? ''
      return operation === '' ? latestItem(m.subject.slice(m.subject.lastIndexOf('.') + 1), m.string()) : null
    },
    page,
  )
}

interface Readable {
  info(cached?: boolean): Promise<{ num_pending: number }>
  consume(options: { max_messages: number }): Promise<AsyncIterable<JsMsg> & { stop(): void }>
}

async function readPages(
  consumer: Readable,
  toItem: (m: JsMsg) => FeedItem | null,
  page: Page,
): Promise<void> {
  if ((await consumer.info(true)).num_pending === 0) return
  const messages = await consumer.consume({ max_messages: PAGE })
  try {
    let items: FeedItem[] = []
    for await (const m of messages) {
      const item = toItem(m)
      if (item) items.push(item)
      const atEnd = m.info.pending === 0
      if (items.length >= PAGE || atEnd) {
        const more = await page(items)
        items = []
        if (!more || atEnd) return
      }
    }
  } finally {
    messages.stop()
  }
}
