import { createHash } from 'node:crypto'
import type { TelemetryEvent } from '../../core/telemetry/telemetry-event'
import type { RelayFix } from '../../shared/domain/relay-wire'
import { LatestFixes } from './latest-fixes'
import type { NatsLink } from './nats-link'
import { fixSubject, token } from './names'
import type { OrgStores } from './org-stores'

/** Counters for /health and the benchmark. */
export interface PublishStats {
  published: number
  /** Fixes JetStream already had (a retried delivery, or one another node stored first). */
  duplicates: number
  refusedWhileDown: number
}

/**
 * Stores a verified delivery's fixes: each to the organization's stream (subject per asset), and
 * to the KV bucket of the latest fix per asset (which keeps only the newest, latest-fixes.ts). Resolves true only when JetStream acknowledged all of it,
 * so Tagora hears 2xx only for what is kept; false while NATS is down (answered 503 at once, not
 * after a timeout).
 */
export class FixPublisher {
  readonly stats: PublishStats = { published: 0, duplicates: 0, refusedWhileDown: 0 }
  private readonly latest: LatestFixes

  constructor(
    private readonly link: NatsLink,
    private readonly stores: OrgStores,
  ) {
    this.latest = new LatestFixes(stores.latest)
  }

  async commit(events: readonly TelemetryEvent[]): Promise<boolean> {
    if (!this.link.up()) {
      this.stats.refusedWhileDown += events.length
      return false
    }
    const org = this.stores.organizationId
    // Each fix's latest-per-asset write starts as soon as its own stream ack is in: a POST costs
    // one publish plus one KV write, not all publishes and then all writes.
    await Promise.all(
      events.map(async (event) => {
        const json = JSON.stringify(wireFix(event))
        const ack = await this.link.js.publish(fixSubject(org, event.assetId), json, { msgID: fixId(event) })
        if (ack.duplicate) this.stats.duplicates++
        else this.stats.published++
        await this.latest.offer(token(event.assetId), { seq: ack.seq, fixTime: event.fixTime, json })
      }),
    )
    return true
  }
}

/** The same fix in any body has the same id, so JetStream stores it once. */
function fixId(event: TelemetryEvent): string {
  const identity = `${event.assetId}\u0000${event.fixTime}\u0000${event.lat}\u0000${event.lng}`
  return createHash('sha256').update(identity).digest('base64url').slice(0, 22)
}

/** Exactly the wire's fields: `extra` keeps the body's other fields for the desk's detail panel. */
function wireFix(event: TelemetryEvent): RelayFix {
  const { assetId, lat, lng, speed, heading, altitude, fixTime, receivedAt, timeMissing, futureFix, extra } =
    event
  return { assetId, lat, lng, speed, heading, altitude, fixTime, receivedAt, timeMissing, futureFix, extra }
}
