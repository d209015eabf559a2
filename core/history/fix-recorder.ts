import type { Clock } from '../ports/clock'
import type { TelemetryEvent } from '../telemetry/telemetry-event'
import type { AppendBatch } from './worker-protocol'

/** One write every half second: the most a crash can lose, and few enough commits (fsync each) to be free. */
export const FLUSH_EVERY_MS = 500
/** Fixes sent but not yet committed past which the recorder holds back (the worker is behind). */
const MAX_IN_FLIGHT = 1_000_000
/** Fixes held back past which the newest are dropped and counted: memory stays bounded. */
const MAX_BUFFERED = 2_000_000

export interface RecorderSink {
  /** Hands one write to the worker; false when it is gone (the fixes are then counted as dropped). */
  append(seq: number, batch: AppendBatch): boolean
}

/**
 * Collects accepted fixes on the main thread and hands them to the worker as one write every
 * FLUSH_EVERY_MS. Recording is a push into growable columns: the listener's answer never waits on it,
 * and nothing here touches the disk.
 */
export class FixRecorder {
  private scope: string | null = null
  private buffer = new Columns()
  private seq = 0
  private sent = 0
  private committed = 0
  private cancelTimer: (() => void) | null = null
  /** Fixes lost because the worker was gone or too far behind. */
  dropped = 0

  constructor(
    private readonly sink: RecorderSink,
    private readonly clock: Clock,
    private readonly flushMs = FLUSH_EVERY_MS,
  ) {}

  /** Fixes from now on belong to `scope` (null: nobody is signed in, nothing is recorded). */
  useScope(scope: string | null): void {
    if (scope === this.scope) return
    this.flush()
    this.scope = scope
  }

  record(events: readonly TelemetryEvent[]): void {
    if (this.scope === null || events.length === 0) return
    if (this.buffer.length + events.length > MAX_BUFFERED) {
      this.dropped += events.length
      return
    }
    for (const event of events) this.buffer.push(event)
    this.cancelTimer ??= this.clock.setTimer(() => {
      this.cancelTimer = null
      this.flush()
    }, this.flushMs)
  }

  /** The worker committed write `seq`. */
  committedWrite(fixes: number): void {
    this.committed += fixes
  }

  /** Sends what is buffered now (also before a scope change and at quit). */
  flush(): void {
    this.cancelTimer?.()
    this.cancelTimer = null
    if (this.scope === null || this.buffer.length === 0) return
    if (this.sent - this.committed > MAX_IN_FLIGHT) {
      // The worker is behind: keep coalescing here and try again on the next beat.
      this.cancelTimer = this.clock.setTimer(() => {
        this.cancelTimer = null
        this.flush()
      }, this.flushMs)
      return
    }
    const batch = this.buffer.toBatch(this.scope)
    this.buffer = new Columns()
    this.seq += 1
    if (this.sink.append(this.seq, batch)) this.sent += batch.t.length
    else this.dropped += batch.t.length
  }

  /** Fixes handed to the worker and not yet committed. */
  get inFlight(): number {
    return this.sent - this.committed
  }

  stop(): void {
    this.flush()
    this.cancelTimer?.()
    this.cancelTimer = null
  }
}

/** Growable columns of one write, with its vehicles listed once. */
class Columns {
  length = 0
  private capacity = 1024
  private readonly assets: string[] = []
  private readonly indexOf = new Map<string, number>()
  private asset = new Uint32Array(this.capacity)
  private t = new Float64Array(this.capacity)
  private lat = new Float64Array(this.capacity)
  private lng = new Float64Array(this.capacity)
  private speed = new Float32Array(this.capacity)
  private heading = new Float32Array(this.capacity)

  push(event: TelemetryEvent): void {
    if (this.length === this.capacity) this.grow()
    let index = this.indexOf.get(event.assetId)
    if (index === undefined) {
      index = this.assets.length
      this.assets.push(event.assetId)
      this.indexOf.set(event.assetId, index)
    }
    const i = this.length++
    this.asset[i] = index
    this.t[i] = event.fixTime
    this.lat[i] = event.lat
    this.lng[i] = event.lng
    this.speed[i] = event.speed ?? Number.NaN
    this.heading[i] = event.heading ?? Number.NaN
  }

  toBatch(scope: string): AppendBatch {
    const n = this.length
    return {
      scope,
      assets: this.assets,
      asset: this.asset.slice(0, n),
      t: this.t.slice(0, n),
      lat: this.lat.slice(0, n),
      lng: this.lng.slice(0, n),
      speed: this.speed.slice(0, n),
      heading: this.heading.slice(0, n),
    }
  }

  private grow(): void {
    this.capacity *= 2
    const grow = <T extends Uint32Array | Float64Array | Float32Array>(old: T, next: T): T => {
      next.set(old)
      return next
    }
    this.asset = grow(this.asset, new Uint32Array(this.capacity))
    this.t = grow(this.t, new Float64Array(this.capacity))
    this.lat = grow(this.lat, new Float64Array(this.capacity))
    this.lng = grow(this.lng, new Float64Array(this.capacity))
    this.speed = grow(this.speed, new Float32Array(this.capacity))
    this.heading = grow(this.heading, new Float32Array(this.capacity))
  }
}
