import type { FeedSource } from '../desks/feed-source'
import type { NatsLink } from './nats-link'
import type { OrgStores } from './org-stores'
import type { StreamTail } from './stream-tail'
import { readAfter, readLatest, streamBounds } from './stream-reads'

/** The organization's feed as JetStream holds it, for the desk sessions of this node. */
export function natsFeedSource(link: NatsLink, stores: OrgStores, tail: StreamTail): FeedSource {
  return {
    organizationId: stores.organizationId,
    bounds: () => streamBounds(link, stores),
    readLatest: async (page) => readLatest(link, stores, page),
    readAfter: async (after, page) => readAfter(link, stores, after, page),
    tail,
  }
}
