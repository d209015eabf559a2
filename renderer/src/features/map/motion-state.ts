import { codeFromStatus } from '../../../../shared/domain/telemetry'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import { isDrawable } from '../../store/telemetry-columns'
import { mercatorX, mercatorY } from './mercator'
import { decideMotion, glideFraction, nextInterval, turnHeading } from './motion-rules'

const LIVE = codeFromStatus('live')
/** A turn takes at most this long, so a vehicle faces its new way early in the glide. */
const TURN_MS = 800

/**
 * Where each vehicle is DRAWN: gliding from where it was drawn when a fix arrived to that fix, over
 * its own report interval. Column-wise like the telemetry (one slot per vehicle), positions as
 * fractions of the Mercator world (0..1), so a frame places 50k vehicles with one multiply-add each.
 * Never ahead of the last fix: a glide only interpolates between what was reported.
 */
export class MotionState {
  private capacity = 0
  private fixLat = new Float64Array(0)
  private fixLng = new Float64Array(0)
  private fixTime = new Float64Array(0)
  private fixSpeed = new Float32Array(0)
  private interval = new Float32Array(0)
  /** 1 while the vehicle's last known status was live. */
  private live = new Uint8Array(0)
  private fromX = new Float64Array(0)
  private fromY = new Float64Array(0)
  private toX = new Float64Array(0)
  private toY = new Float64Array(0)
  private fromH = new Float32Array(0)
  private toH = new Float32Array(0)
  private start = new Float64Array(0)
  private duration = new Float32Array(0)
  /** Drawn position of every slot at the last `sample`: world fractions and degrees. */
  x = new Float64Array(0)
  y = new Float64Array(0)
  heading = new Float32Array(0)
  private glidingUntil = 0

  /** Forgets every vehicle: the next fixes all jump (other columns, replay ↔ live). */
  reset(): void {
    this.capacity = 0
    this.glidingUntil = 0
  }

  /** True while some vehicle is still on its way to its last fix. */
  isGliding(now: number): boolean {
    return now < this.glidingUntil
  }

  /**
   * Takes in what changed in `cols` since the last call (a new fix time or position per slot). With
   * `glide` false every new fix jumps (motion off, replay).
   */
  update(cols: TelemetryColumns, now: number, glide: boolean): void {
    this.ensureCapacity(cols.capacity)
    for (let slot = 0; slot < cols.size; slot++) {
      const fixTime = cols.fixTime[slot] ?? Number.NaN
      const lat = cols.lat[slot] ?? Number.NaN
      const lng = cols.lng[slot] ?? Number.NaN
      const live = cols.status[slot] === LIVE
      const wasLive = this.live[slot] === 1
      this.live[slot] = live ? 1 : 0
      if (fixTime === this.fixTime[slot] && lat === this.fixLat[slot] && lng === this.fixLng[slot]) continue
      if (!isDrawable(cols, slot)) {
        this.forget(slot)
        continue
      }
      const known = Number.isFinite(this.fixLat[slot])
      const prev = known
        ? {
            lat: this.fixLat[slot] ?? 0,
            lng: this.fixLng[slot] ?? 0,
            fixTime: this.fixTime[slot] ?? 0,
            speed: this.fixSpeed[slot] ?? 0,
          }
        : null
      const speed = cols.speed[slot] ?? Number.NaN
      const next = { lat, lng, fixTime, speed }
      // Out of touch (stale or offline) before this fix, or since: the vehicle's path is unknown.
      const decision = glide ? decideMotion(prev, next, live && wasLive) : 'jump'
      const heading = cols.heading[slot] ?? Number.NaN
      if (decision === 'glide' && prev) {
        this.sampleSlot(slot, now)
        this.fromX[slot] = this.x[slot] ?? 0
        this.fromY[slot] = this.y[slot] ?? 0
        this.fromH[slot] = this.heading[slot] ?? Number.NaN
        const ms = nextInterval(this.interval[slot] ?? Number.NaN, fixTime - prev.fixTime)
        this.interval[slot] = ms
        this.start[slot] = now
        this.duration[slot] = ms
        if (now + ms > this.glidingUntil) this.glidingUntil = now + ms
      } else if (decision === 'jump') {
        this.fromX[slot] = mercatorX(lng)
        this.fromY[slot] = mercatorY(lat)
        this.fromH[slot] = heading
        this.duration[slot] = 0
        // A gap says nothing about the pace of the next reports.
        this.interval[slot] = Number.NaN
      }
      this.toX[slot] = mercatorX(lng)
      this.toY[slot] = mercatorY(lat)
      this.toH[slot] = heading
      this.fixLat[slot] = lat
      this.fixLng[slot] = lng
      this.fixTime[slot] = fixTime
      this.fixSpeed[slot] = speed
      if (decision === 'jump') this.sampleSlot(slot, now)
    }
  }

  /** One vehicle's drawn position at `now`, into x, y and heading (follow, reveal). */
  sampleOne(slot: number, now: number): void {
    if (slot < this.capacity) this.sampleSlot(slot, now)
  }

  /** When the last glide under way ends (ms, the clock `update` was given). */
  get glideEnd(): number {
    return this.glidingUntil
  }

  /**
   * Every vehicle's drawn position at `now`, into x, y and heading; and the pace of the fastest one
   * still under way (world fractions per ms, degrees per ms), so the map can skip frames in which
   * nothing would move by a visible amount.
   */
  sample(size: number, now: number): { movePerMs: number; turnPerMs: number } {
    const n = Math.min(size, this.capacity)
    let movePerMs = 0
    let turnPerMs = 0
    for (let slot = 0; slot < n; slot++) {
      this.sampleSlot(slot, now)
      const duration = this.duration[slot] ?? 0
      const elapsed = now - (this.start[slot] ?? 0)
      if (!(elapsed < duration)) continue
      const dx = (this.toX[slot] ?? 0) - (this.fromX[slot] ?? 0)
      const dy = (this.toY[slot] ?? 0) - (this.fromY[slot] ?? 0)
      const move = Math.sqrt(dx * dx + dy * dy) / duration
      if (move > movePerMs) movePerMs = move
      const turnMs = Math.min(duration, TURN_MS)
      if (elapsed < turnMs) {
        const delta = (this.toH[slot] ?? 0) - (this.fromH[slot] ?? 0)
        const turn = Math.abs(((((delta % 360) + 540) % 360) - 180) / turnMs)
        if (turn > turnPerMs) turnPerMs = turn
      }
    }
    return { movePerMs, turnPerMs }
  }

  private sampleSlot(slot: number, now: number): void {
    const elapsed = now - (this.start[slot] ?? 0)
    const duration = this.duration[slot] ?? 0
    const t = glideFraction(elapsed, duration)
    const fromX = this.fromX[slot] ?? 0
    const fromY = this.fromY[slot] ?? 0
    this.x[slot] = fromX + ((this.toX[slot] ?? 0) - fromX) * t
    this.y[slot] = fromY + ((this.toY[slot] ?? 0) - fromY) * t
    this.heading[slot] = turnHeading(
      this.fromH[slot] ?? Number.NaN,
      this.toH[slot] ?? Number.NaN,
      glideFraction(elapsed, Math.min(duration, TURN_MS)),
    )
  }

  private forget(slot: number): void {
    this.fixLat[slot] = Number.NaN
    this.fixLng[slot] = Number.NaN
    this.fixTime[slot] = Number.NaN
    this.interval[slot] = Number.NaN
    this.duration[slot] = 0
  }

  /** Grows the columns with the telemetry's; after a reset (capacity 0) every slot starts unknown. */
  private ensureCapacity(capacity: number): void {
    if (this.capacity > 0 && capacity <= this.capacity) return
    const keep = this.capacity
    const size = Math.max(capacity, keep * 2, 1024)
    const grow64 = (old: Float64Array, fill: number) => {
      const next = new Float64Array(size).fill(fill)
      if (keep > 0) next.set(old.subarray(0, keep))
      return next
    }
    const grow32 = (old: Float32Array, fill: number) => {
      const next = new Float32Array(size).fill(fill)
      if (keep > 0) next.set(old.subarray(0, keep))
      return next
    }
    this.fixLat = grow64(this.fixLat, Number.NaN)
    this.fixLng = grow64(this.fixLng, Number.NaN)
    this.fixTime = grow64(this.fixTime, Number.NaN)
    this.fixSpeed = grow32(this.fixSpeed, Number.NaN)
    this.interval = grow32(this.interval, Number.NaN)
    const live = new Uint8Array(size)
    if (keep > 0) live.set(this.live.subarray(0, keep))
    this.live = live
    this.fromX = grow64(this.fromX, 0)
    this.fromY = grow64(this.fromY, 0)
    this.toX = grow64(this.toX, 0)
    this.toY = grow64(this.toY, 0)
    this.fromH = grow32(this.fromH, Number.NaN)
    this.toH = grow32(this.toH, Number.NaN)
    this.start = grow64(this.start, 0)
    this.duration = grow32(this.duration, 0)
    this.x = grow64(this.x, Number.NaN)
    this.y = grow64(this.y, Number.NaN)
    this.heading = grow32(this.heading, Number.NaN)
    this.capacity = size
  }
}
