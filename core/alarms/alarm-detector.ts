import type { AlarmKind } from '../../shared/domain/alarms'
import { codeFromStatus } from '../../shared/domain/telemetry'
import type { StoreWatchView } from '../telemetry/telemetry-store'

const LIVE = codeFromStatus('live')
const STALE = codeFromStatus('stale')
const OFFLINE = codeFromStatus('offline')
const NO_FIX = codeFromStatus('no-fix')

/** A condition that began (raise) or ended, for one vehicle. */
export interface AlarmChange {
  kind: AlarmKind
  assetId: string
  /** km/h, for speeding. */
  speed?: number
}

export interface Detection {
  raised: AlarmChange[]
  ended: AlarmChange[]
}

/**
 * Compares the store's statuses and speeds with what it saw last time. A vehicle that worsens from
 * live to stale, or to offline, raises that alarm; one that becomes live again ends them. A speed
 * over the limit on a live fix raises speeding once; dropping under it (or no longer live) ends it.
 * A vehicle first seen (its first fix, or restored from the history at sign-in) raises nothing: one
 * we never saw live cannot "go" offline, and a restored one is never live.
 */
export class AlarmDetector {
  private generation = -1
  private status = new Uint8Array(0)
  private speeding = new Uint8Array(0)

  detect(view: StoreWatchView, speedLimitKmh: number): Detection {
    const detection: Detection = { raised: [], ended: [] }
    if (view.generation !== this.generation) {
      // The store was cleared (another session): nothing before it is comparable.
      this.generation = view.generation
      this.status = new Uint8Array(0)
      this.speeding = new Uint8Array(0)
    }
    this.grow(view.size)
    for (let slot = 0; slot < view.size; slot++) {
      const assetId = view.ids[slot]!
      const before = this.status[slot]!
      const now = view.status[slot]!
      if (now !== before) {
        if (now === STALE && before === LIVE) detection.raised.push({ kind: 'stale', assetId })
        if (now === OFFLINE && (before === LIVE || before === STALE))
          detection.raised.push({ kind: 'offline', assetId })
        // Live ends stale and offline even for a vehicle first seen live: an alarm kept from before a
        // restart is ongoing in the inbox, and its vehicle's first fix may land before this look sees
        // the restored position. The inbox ignores an end it holds no alarm for.
        if (now === LIVE) detection.ended.push({ kind: 'stale', assetId }, { kind: 'offline', assetId })
        this.status[slot] = now
      }
      const speed = view.speed[slot]!
      const over = now === LIVE && speed > speedLimitKmh ? 1 : 0
      if (over !== this.speeding[slot]) {
        if (over) detection.raised.push({ kind: 'speeding', assetId, speed })
        else detection.ended.push({ kind: 'speeding', assetId })
        this.speeding[slot] = over
      }
    }
    return detection
  }

  private grow(size: number): void {
    if (size <= this.status.length) return
    const status = new Uint8Array(Math.max(size, this.status.length * 2)).fill(NO_FIX)
    status.set(this.status)
    const speeding = new Uint8Array(status.length)
    speeding.set(this.speeding)
    this.status = status
    this.speeding = speeding
  }
}
