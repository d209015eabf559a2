import { relayMessageSchema } from '../../shared/domain/relay-wire'
import type { TelemetryEvent } from '../telemetry/telemetry-event'

/** What one frame from the relay meant for the desk. */
export type FrameRead =
  | { kind: 'bad'; detail: string }
  | { kind: 'hello'; organizationId: string; events: TelemetryEvent[]; lastSequence: number | null }
  | { kind: 'data'; events: TelemetryEvent[]; lastSequence: number | null }

/**
 * Reads one connection's frames (each parsed where it enters) and keeps the resume point: the stream
 * sequence of the last fix applied, or of the snapshot once whole. A stream message at or below it
 * was applied already (a relay node that caught up twice) and is skipped, so nothing is applied twice.
 */
export class RelayFrameReader {
  private snapshotting = false

  constructor(private lastSequence: number | null) {}

  read(text: string): FrameRead {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return { kind: 'bad', detail: 'not JSON' }
    }
    const parsed = relayMessageSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return { kind: 'bad', detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` }
    }
    const message = parsed.data
    switch (message.t) {
      case 'hello':
        // Not resumed: the relay starts this desk over from a snapshot (its place fell out of retention).
        if (!message.resumed) {
          this.snapshotting = true
          this.lastSequence = null
        }
        return { kind: 'hello', organizationId: message.organizationId, ...this.data([]) }
      case 'snapshot':
        if (!this.snapshotting) return { kind: 'bad', detail: 'snapshot without a hello that announced it' }
        return { kind: 'data', ...this.data(message.items.map((item) => item.fix)) }
      case 'snapshot-end':
        this.snapshotting = false
        this.lastSequence = message.seq
        return { kind: 'data', ...this.data([]) }
      case 'fixes': {
        if (this.snapshotting) return { kind: 'bad', detail: 'stream before the snapshot ended' }
        const events: TelemetryEvent[] = []
        for (const { seq, fix } of message.items) {
          if (this.lastSequence !== null && seq <= this.lastSequence) continue
          this.lastSequence = seq
          events.push(fix)
        }
        return { kind: 'data', ...this.data(events) }
      }
    }
  }

  private data(events: TelemetryEvent[]): { events: TelemetryEvent[]; lastSequence: number | null } {
    return { events, lastSequence: this.lastSequence }
  }
}
