import { createHash } from 'node:crypto'
import { JetStreamApiError } from '@nats-io/jetstream'
import type { KV } from '@nats-io/kv'
import { webhookRecordSchema } from '../../shared/schemas/settings'
import type { WebhookRecord } from '../../shared/schemas/settings'
import type { NatsLink } from './nats-link'
import { WEBHOOKS_BUCKET } from './names'

/** A node registering the webhook holds a claim this long; past it, another node takes over. */
const CLAIM_MS = 30_000
const WAIT_MS = 500

type Entry = { kind: 'record'; record: WebhookRecord } | { kind: 'claim'; node: string; at: number }

export interface ObtainOptions {
  apiUrl: string
  postUrl: string
  organizationId: string
  /** This node, named in its claim (for the log of whoever waits on it). */
  node: string
  now(): number
  /** POST /webhook, then the record kept for its 201. */
  register(): Promise<WebhookRecord>
  /** False when Tagora no longer knows the webhook (its scope answers 404). */
  stillKnown(record: WebhookRecord): Promise<boolean>
}

/**
 * The webhook of a deployment: one per API, postUrl and organization, shared by every relay node in
 * a KV bucket (Tagora has no endpoint to list webhooks, so this is the only record of it). The first
 * node to need it claims the entry and registers; the others wait for its record instead of
 * registering a second webhook that would make Tagora post everything twice.
 */
export class WebhookRecords {
  private constructor(private readonly kv: KV) {}

  static async open(link: NatsLink): Promise<WebhookRecords> {
    return new WebhookRecords(await link.kvm.create(WEBHOOKS_BUCKET, { history: 1 }))
  }

  async obtain(options: ObtainOptions): Promise<WebhookRecord> {
    const key = keyOf(options)
    for (;;) {
      const stored = await this.kv.get(key)
      const entry = stored?.operation === 'PUT' ? readEntry(stored.string()) : null
      if (entry?.kind === 'record' && (await options.stillKnown(entry.record))) return entry.record
      if (entry?.kind === 'claim' && options.now() - entry.at < CLAIM_MS) {
        await new Promise((resolve) => setTimeout(resolve, WAIT_MS))
        continue
      }
      // Nothing yet, an abandoned claim, or a webhook Tagora forgot: this node registers.
      const claim: Entry = { kind: 'claim', node: options.node, at: options.now() }
      const revision = await this.swap(key, JSON.stringify(claim), stored?.revision ?? null)
      if (revision === null) continue
      return this.register(key, revision, options)
    }
  }

  private async register(key: string, claimRevision: number, options: ObtainOptions): Promise<WebhookRecord> {
    let record: WebhookRecord
    try {
      record = await options.register()
    } catch (error) {
      // Let the next node (or this one's next try) register at once instead of waiting out the claim.
      await this.kv.delete(key, { previousSeq: claimRevision }).catch(() => undefined)
      throw error
    }
    const entry: Entry = { kind: 'record', record }
    await this.kv.put(key, JSON.stringify(entry))
    return record
  }

  /** Writes `value` only over the revision read (or only if absent); null when another node was first. */
  private async swap(key: string, value: string, revision: number | null): Promise<number | null> {
    try {
      return revision === null ? await this.kv.create(key, value) : await this.kv.update(key, value, revision)
    } catch (error) {
      if (error instanceof JetStreamApiError) return null
      throw error
    }
  }
}

function keyOf(options: Pick<ObtainOptions, 'apiUrl' | 'postUrl' | 'organizationId'>): string {
  const identity = `${options.apiUrl}\n${options.postUrl}\n${options.organizationId}`
  return createHash('sha256').update(identity).digest('hex').slice(0, 40)
}

function readEntry(text: string): Entry | null {
  try {
    const value = JSON.parse(text) as { kind?: unknown; record?: unknown; node?: unknown; at?: unknown }
    if (value.kind === 'record') {
      const record = webhookRecordSchema.safeParse(value.record)
      return record.success ? { kind: 'record', record: record.data } : null
    }
    if (value.kind === 'claim' && typeof value.node === 'string' && typeof value.at === 'number') {
      return { kind: 'claim', node: value.node, at: value.at }
    }
    return null
  } catch {
    return null
  }
}
