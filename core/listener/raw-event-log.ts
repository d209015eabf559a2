import type { RejectReason } from '../../shared/domain/listener'
import type { RawEventRecord } from './listener-types'

export const RAW_TEXT_LIMIT = 4096

interface Entry {
  receivedAt: number
  accepted: boolean
  reason: RejectReason | undefined
  detail: string | undefined
  counts?: RawEventRecord['counts']
  forwarded?: Record<string, string> | undefined
  /** Request bodies are kept as bytes, rejected events as values: both are turned into text only when read. */
  body: Buffer | undefined
  raw: unknown
}

/** The last N signed requests and their rejected events, for the raw-event inspector. */
export class RawEventLog {
  private readonly entries: (Entry | undefined)[]
  private next = 0
  private count = 0

  constructor(private readonly capacity: number) {
    this.entries = new Array<Entry | undefined>(Math.max(0, capacity))
  }

  addBody(receivedAt: number, body: Buffer, outcome: Outcome): void {
    // Only the first 4 KB is ever shown; a copy keeps the rest of a 1 MiB body collectable.
    const kept = Buffer.from(body.subarray(0, RAW_TEXT_LIMIT + 1))
    this.push({ receivedAt, ...outcome, body: kept, raw: undefined })
  }

  addEvent(receivedAt: number, raw: unknown, outcome: Outcome): void {
    this.push({ receivedAt, ...outcome, body: undefined, raw })
  }

  list(): RawEventRecord[] {
    const out: RawEventRecord[] = []
    const start = (this.next - this.count + this.capacity) % Math.max(this.capacity, 1)
    for (let i = 0; i < this.count; i++) {
      const entry = this.entries[(start + i) % this.capacity]
      if (entry) out.push(toRecord(entry))
    }
    return out
  }

  private push(entry: Entry): void {
    if (this.capacity <= 0) return
    this.entries[this.next] = entry
    this.next = (this.next + 1) % this.capacity
    this.count = Math.min(this.count + 1, this.capacity)
  }
}

export interface Outcome {
  accepted: boolean
  reason: RejectReason | undefined
  detail: string | undefined
  counts?: RawEventRecord['counts']
  forwarded?: Record<string, string> | undefined
}

function toRecord(entry: Entry): RawEventRecord {
  const text = entry.body ? entry.body.toString('utf8') : (JSON.stringify(entry.raw) ?? String(entry.raw))
  const truncated = entry.body ? entry.body.length > RAW_TEXT_LIMIT : text.length > RAW_TEXT_LIMIT
  const record: RawEventRecord = {
    receivedAt: entry.receivedAt,
    accepted: entry.accepted,
    body: truncated ? text.slice(0, RAW_TEXT_LIMIT) : text,
    truncated,
  }
  if (entry.reason !== undefined) record.reason = entry.reason
  if (entry.detail !== undefined) record.detail = entry.detail
  if (entry.counts !== undefined) record.counts = entry.counts
  if (entry.forwarded !== undefined) record.forwarded = entry.forwarded
  return record
}
