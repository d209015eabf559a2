import { DiscardPolicy, JetStreamApiError, RetentionPolicy, StorageType } from '@nats-io/jetstream'
import { nanos } from '@nats-io/transport-node'
import type { KV } from '@nats-io/kv'
import type { NatsLink } from './nats-link'
import { fixStream, fixSubjects, latestBucket } from './names'

/** How long the stream keeps fixes: a desk away for a whole shift still resumes without a gap. */
const RETENTION_MS = 24 * 60 * 60_000
/**
 * JetStream drops a message whose id it saw within this window: Tagora's retry of a delivery another
 * node already stored is not stored twice. Longer costs the server memory per message id.
 */
const DUPLICATE_WINDOW_MS = 2 * 60_000

/** An organization's stream of fixes and its bucket of the latest fix per asset. */
export interface OrgStores {
  organizationId: string
  stream: string
  latest: KV
}

/** Creates (or finds, when another node made them first) the organization's stream and bucket. */
export async function openOrgStores(link: NatsLink, organizationId: string): Promise<OrgStores> {
  const stream = fixStream(organizationId)
  try {
    await link.jsm.streams.info(stream)
  } catch (error) {
    if (!(error instanceof JetStreamApiError)) throw error
    await addStream(link, stream, organizationId)
  }
  // create() binds to the bucket when it exists already (another node, an earlier run).
  const latest = await link.kvm.create(latestBucket(organizationId), { history: 1 })
  return { organizationId, stream, latest }
}

async function addStream(link: NatsLink, stream: string, organizationId: string): Promise<void> {
  try {
    await link.jsm.streams.add({
      name: stream,
      subjects: [fixSubjects(organizationId)],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: nanos(RETENTION_MS),
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    })
  } catch (error) {
    // Two nodes starting together: the other one's stream is as good as ours.
    await link.jsm.streams.info(stream).catch(() => Promise.reject(error as Error))
  }
}
