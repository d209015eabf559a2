import type { EventName, EventPayload } from '../../shared/ipc/contract'

/** A receiver of contract events: one Electron window, or one browser-host WebSocket. */
export interface EventSink {
  send<K extends EventName>(name: K, payload: EventPayload<K>): void
  /** True while this receiver has not caught up (telemetry then coalesces in the store instead). */
  isBackedUp(): boolean
}

/** Fans every main → renderer event out to all connected receivers. */
export class EventHub {
  private readonly sinks = new Set<EventSink>()

  add(sink: EventSink): () => void {
    this.sinks.add(sink)
    return () => this.sinks.delete(sink)
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const sink of this.sinks) sink.send(name, payload)
  }

  /** Telemetry waits until every receiver has drained what it was sent (bounded memory, latest wins). */
  receiversReady(): boolean {
    for (const sink of this.sinks) if (sink.isBackedUp()) return false
    return true
  }

  get size(): number {
    return this.sinks.size
  }
}
