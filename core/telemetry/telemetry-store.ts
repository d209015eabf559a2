import type { Clock } from '../ports/clock'
import { codeFromStatus, statusFromCode } from '../../shared/domain/telemetry'
import type { AssetDetail, TelemetryBatch, TrailPoint } from '../../shared/domain/telemetry'
import type { FleetFrame } from '../../shared/domain/history'
import { AssetColumns, DIRTY, FUTURE, RESTORED, SENT, UNTIMED } from './asset-columns'
import { statusForFix, statusForRestoredFix } from './asset-status'
import { buildBatch } from './build-batch'
import type { StatusThresholds } from './asset-status'
import { Trail } from './trail'
import type { TelemetryEvent } from './telemetry-event'

export interface TelemetryStoreOptions {
  clock: Clock
  /** Points kept per trail (default 500). */
  trailMaxPoints?: number
  /** Trail points older than this are dropped (default 30 min). */
  trailMaxAgeMs?: number
  /** Default 2 min. */
  staleAfterMs?: number
  /** Default 10 min. */
  offlineAfterMs?: number
}

/** Counts from one apply(): every event lands in exactly one of them. */
export interface ApplyResult {
  /** Events that became their asset's latest fix. */
  applied: number
  /** Same asset and same fixTime as a fix already held. */
  duplicates: number
  /** Older than the latest fix: added to the trail, the marker stays. */
  outOfOrder: number
  /** Without a time of its own, for an asset whose fix has one: it would pass for a fresh position. */
  untimed: number
}

const NO_FIX = codeFromStatus('no-fix')

/** What a watcher reads of the store each time it looks (see TelemetryStore.watchView). */
export interface StoreWatchView {
  generation: number
  size: number
  ids: readonly string[]
  /** ASSET_STATUS_CODES by slot. */
  status: Uint8Array
  /** km/h by slot; NaN when unknown. */
  speed: Float32Array
}

/**
 * Latest fix, bounded trail and status of every asset, with change tracking so the renderer gets
 * only what changed since the last batch. Assets are addressed by a slot that never changes.
 */
export class TelemetryStore {
  private readonly clock: Clock
  private trailMaxPoints: number
  private trailMaxAgeMs: number
  private thresholds: StatusThresholds
  private columns = new AssetColumns()
  private slots = new Map<string, number>()
  private ids: string[] = []
  private extras: (Record<string, unknown> | undefined)[] = []
  private trails: (Trail | undefined)[] = []
  private dirty: number[] = []
  /** Bumped by clear(): slot numbers from before mean nothing after it. */
  private generation = 0

  constructor(options: TelemetryStoreOptions) {
    this.clock = options.clock
    this.trailMaxPoints = options.trailMaxPoints ?? 500
    this.trailMaxAgeMs = options.trailMaxAgeMs ?? 30 * 60_000
    this.thresholds = {
      staleAfterMs: options.staleAfterMs ?? 2 * 60_000,
      offlineAfterMs: options.offlineAfterMs ?? 10 * 60_000,
    }
  }

  /** Number of assets known, with or without a fix. */
  get size(): number {
    return this.ids.length
  }

  /** New status thresholds apply to every asset at once, not at the next periodic check. */
  setThresholds(thresholds: StatusThresholds): void {
    this.thresholds = { ...thresholds }
    this.reevaluateStatuses()
  }

  /** New trail bounds apply to every trail now (shorter ones are cut), not only to new points. */
  setTrailLimits(limits: { maxPoints: number; maxAgeMs: number }): void {
    this.trailMaxPoints = limits.maxPoints
    this.trailMaxAgeMs = limits.maxAgeMs
    const cutoff = this.clock.now() - limits.maxAgeMs
    for (const trail of this.trails) {
      trail?.setMaxPoints(limits.maxPoints)
      trail?.pruneBefore(cutoff)
    }
  }

  /**
   * Forgets every asset and its slot: the next session may be another organization's. Receivers
   * must start over from a snapshot, since slot numbers are reused.
   */
  clear(): void {
    this.columns = new AssetColumns()
    this.slots = new Map()
    this.ids = []
    this.extras = []
    this.trails = []
    this.dirty = []
    this.generation++
  }

  /** Known devices exist as 'no-fix' until their first fix arrives. */
  registerAssets(assetIds: Iterable<string>): void {
    for (const id of assetIds) this.slotFor(id)
  }

  /** Applies events; those that became a latest fix or joined a trail are also pushed to `accepted`. */
  apply(events: readonly TelemetryEvent[], accepted?: TelemetryEvent[]): ApplyResult {
    const result: ApplyResult = { applied: 0, duplicates: 0, outOfOrder: 0, untimed: 0 }
    const now = this.clock.now()
    for (const event of events) {
      const outcome = this.applyOne(event, now)
      result[outcome]++
      if (accepted && (outcome === 'applied' || outcome === 'outOfOrder')) accepted.push(event)
    }
    return result
  }

  /**
   * Last known positions from the history file, at sign-in: each vehicle is placed where it was last
   * heard, its status from the fix's age but never live. A vehicle already heard in this run keeps
   * its newer fix. Returns how many were restored.
   */
  restore(frame: FleetFrame): number {
    const now = this.clock.now()
    const c = this.columns
    let restored = 0
    for (let i = 0; i < frame.assetIds.length; i++) {
      const slot = this.slotFor(frame.assetIds[i]!)
      const fixTime = frame.fixTime[i]!
      const current = c.fixTime[slot]!
      if (!Number.isNaN(current) && current >= fixTime) continue
      c.lat[slot] = frame.lat[i]!
      c.lng[slot] = frame.lng[i]!
      c.fixTime[slot] = fixTime
      c.lastSeenAt[slot] = Math.max(fixTime, orZero(c.lastSeenAt[slot]!))
      c.speed[slot] = frame.speed[i]!
      c.heading[slot] = frame.heading[i]!
      c.altitude[slot] = NaN
      c.status[slot] = codeFromStatus(statusForRestoredFix(fixTime, now, this.thresholds))
      c.flags[slot] = (c.flags[slot]! & ~(FUTURE | UNTIMED)) | RESTORED
      this.extras[slot] = undefined
      this.markDirty(slot)
      restored++
    }
    return restored
  }

  /** Recomputes every status from fix age; statuses change with time even when nothing arrives. */
  reevaluateStatuses(): number {
    const now = this.clock.now()
    const { fixTime, status, flags } = this.columns
    let changed = 0
    for (let slot = 0; slot < this.ids.length; slot++) {
      const statusOf = (flags[slot]! & RESTORED) === 0 ? statusForFix : statusForRestoredFix
      const code = codeFromStatus(statusOf(fixTime[slot]!, now, this.thresholds))
      if (code === status[slot]) continue
      status[slot] = code
      this.markDirty(slot)
      changed++
    }
    return changed
  }

  /**
   * Statuses and speeds by slot, read in place by watchers (the alarm monitor) instead of copied.
   * Valid until the next call: the columns grow by replacement, and clear() starts a new generation.
   */
  watchView(): StoreWatchView {
    const c = this.columns
    return {
      generation: this.generation,
      size: this.ids.length,
      ids: this.ids,
      status: c.status,
      speed: c.speed,
    }
  }

  /** The assets changed since the previous drain, or null when none did. */
  drainBatch(): TelemetryBatch | null {
    if (this.dirty.length === 0) return null
    const slots = this.dirty
    this.dirty = []
    const { flags } = this.columns
    const newSlots: TelemetryBatch['newSlots'] = []
    for (const slot of slots) {
      const flag = flags[slot]!
      if ((flag & SENT) === 0) newSlots.push({ slot, assetId: this.ids[slot]! })
      flags[slot] = (flag & ~DIRTY) | SENT
    }
    return buildBatch(this.columns, slots, newSlots)
  }

  /**
   * Every asset with a position, every slot introduced, for a renderer that starts from nothing.
   * It leaves change tracking alone: the drain stream may be feeding another receiver.
   */
  snapshotBatch(): TelemetryBatch {
    const slots: number[] = []
    const newSlots: TelemetryBatch['newSlots'] = []
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (Number.isNaN(this.columns.fixTime[slot]!)) continue
      slots.push(slot)
      newSlots.push({ slot, assetId: this.ids[slot]! })
    }
    return buildBatch(this.columns, slots, newSlots)
  }

  /**
   * True when the asset's latest fix carried its own time. An event without one must not move such
   * an asset: its "time" would be whenever it arrived, so a captured body could replay as new.
   */
  hasTimedFix(assetId: string): boolean {
    const slot = this.slots.get(assetId)
    if (slot === undefined || Number.isNaN(this.columns.fixTime[slot]!)) return false
    return (this.columns.flags[slot]! & UNTIMED) === 0
  }

  /** The trail within the age limit, oldest first. */
  trail(assetId: string): TrailPoint[] {
    const slot = this.slots.get(assetId)
    const trail = slot === undefined ? undefined : this.trails[slot]
    if (!trail) return []
    trail.pruneBefore(this.clock.now() - this.trailMaxAgeMs)
    return trail.points()
  }

  detail(assetId: string): AssetDetail | null {
    const slot = this.slots.get(assetId)
    if (slot === undefined) return null
    const c = this.columns
    const altitude = c.altitude[slot]!
    const extra = this.extras[slot] ?? {}
    return {
      assetId,
      lat: orNull(c.lat[slot]!),
      lng: orNull(c.lng[slot]!),
      speed: orNull(c.speed[slot]!),
      heading: orNull(c.heading[slot]!),
      fixTime: orNull(c.fixTime[slot]!),
      lastSeenAt: orNull(c.lastSeenAt[slot]!),
      status: statusFromCode(c.status[slot]!),
      // AssetDetail has no altitude column; the panel lists it with the other fields.
      extra: Number.isNaN(altitude) ? extra : { ...extra, altitude },
    }
  }

  private applyOne(event: TelemetryEvent, now: number): keyof ApplyResult {
    const slot = this.slotFor(event.assetId)
    const c = this.columns
    c.lastSeenAt[slot] = Math.max(event.receivedAt, orZero(c.lastSeenAt[slot]!))
    const current = c.fixTime[slot]!
    // The parser refuses these already (counted); this holds for one racing a timed fix in flight.
    if (event.timeMissing && !Number.isNaN(current) && (c.flags[slot]! & UNTIMED) === 0) return 'untimed'
    if (event.fixTime === current) return 'duplicates'
    const trail = this.trailFor(slot)
    const supersedesFuture = (c.flags[slot]! & FUTURE) !== 0 && !event.futureFix
    if (Number.isNaN(current) || event.fixTime > current || supersedesFuture) {
      if (supersedesFuture) trail.dropAfter(event.fixTime)
      this.setLatest(slot, event, now)
      this.addToTrail(trail, event, now)
      return 'applied'
    }
    if (trail.has(event.fixTime)) return 'duplicates'
    this.addToTrail(trail, event, now)
    return 'outOfOrder'
  }

  private setLatest(slot: number, event: TelemetryEvent, now: number): void {
    const c = this.columns
    c.lat[slot] = event.lat
    c.lng[slot] = event.lng
    c.fixTime[slot] = event.fixTime
    c.speed[slot] = event.speed ?? NaN
    c.heading[slot] = event.heading ?? NaN
    c.altitude[slot] = event.altitude ?? NaN
    c.status[slot] = codeFromStatus(statusForFix(event.fixTime, now, this.thresholds))
    const live = c.flags[slot]! & ~RESTORED
    const flags = event.futureFix ? live | FUTURE : live & ~FUTURE
    c.flags[slot] = event.timeMissing ? flags | UNTIMED : flags & ~UNTIMED
    this.extras[slot] = Object.keys(event.extra).length > 0 ? event.extra : undefined
    this.markDirty(slot)
  }

  private addToTrail(trail: Trail, event: TelemetryEvent, now: number): void {
    const cutoff = now - this.trailMaxAgeMs
    if (event.fixTime >= cutoff) trail.insert(event.fixTime, event.lat, event.lng)
    trail.pruneBefore(cutoff)
  }

  private markDirty(slot: number): void {
    const flags = this.columns.flags
    if ((flags[slot]! & DIRTY) !== 0) return
    flags[slot] = flags[slot]! | DIRTY
    this.dirty.push(slot)
  }

  private slotFor(assetId: string): number {
    const existing = this.slots.get(assetId)
    if (existing !== undefined) return existing
    const slot = this.ids.length
    this.columns.ensure(slot + 1, NO_FIX)
    this.slots.set(assetId, slot)
    this.ids.push(assetId)
    this.extras.push(undefined)
    this.trails.push(undefined)
    return slot
  }

  private trailFor(slot: number): Trail {
    const existing = this.trails[slot]
    if (existing) return existing
    const trail = new Trail(this.trailMaxPoints)
    this.trails[slot] = trail
    return trail
  }
}

function orNull(n: number): number | null {
  return Number.isNaN(n) ? null : n
}

function orZero(n: number): number {
  return Number.isNaN(n) ? 0 : n
}
