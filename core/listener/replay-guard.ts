import { hash } from 'node:crypto'

export interface ReplayGuardOptions {
  /** How long a body is remembered (default 15 min: the reading in docs/webhook-deliveries.md). */
  windowMs?: number
  /** Most bodies remembered at once (default 500,000: about 25 MB); past it the oldest are forgotten. */
  maxEntries?: number
}

const DEFAULT_WINDOW_MS = 15 * 60_000
const DEFAULT_MAX_ENTRIES = 500_000
/** Remembered bodies are grouped in slices of the window, so forgetting is dropping one set. */
const SLICES = 15

/**
 * Remembers the signed bodies seen within the replay window. Tagora signs the body only (no time,
 * nonce or delivery id), so a captured body stays valid forever; the same bytes again within the
 * window are a replay. Each body is kept as 52 bits of its SHA-256 in a number (no string per body):
 * at 500,000 bodies the chance that two different ones collide is about 3 in 100,000.
 */
export class ReplayGuard {
  private readonly windowMs: number
  private readonly maxEntries: number
  private readonly sliceMs: number
  /** Newest last; each slice holds the bodies first seen in its span of time. */
  private slices: { start: number; seen: Set<number> }[] = []
  private size = 0
  /** Bodies forgotten before their window ended, because the cap was reached. */
  forgottenEarly = 0

  constructor(options: ReplayGuardOptions = {}) {
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES)
    this.sliceMs = Math.max(1, Math.ceil(this.windowMs / SLICES))
  }

  /**
   * True when these exact bytes were seen within the window; otherwise remembers them and returns
   * false. Check and remember are one step, so two copies in flight at once cannot both pass.
   */
  isReplay(body: Buffer, now: number): boolean {
    this.expire(now)
    const key = fingerprint(body)
    for (const slice of this.slices) if (slice.seen.has(key)) return true
    this.current(now).add(key)
    this.size++
    while (this.size > this.maxEntries && this.slices.length > 0) this.dropOldest(true)
    return false
  }

  /**
   * Forgets a body remembered by `isReplay`: it was refused after all (503, nothing applied), so
   * Tagora's retry of the same bytes must not be taken for a replay.
   */
  forget(body: Buffer): void {
    const key = fingerprint(body)
    for (const slice of this.slices) {
      if (slice.seen.delete(key)) {
        this.size--
        return
      }
    }
  }

  /** How many bodies are remembered now. */
  get remembered(): number {
    return this.size
  }

  private current(now: number): Set<number> {
    const last = this.slices.at(-1)
    if (last && now - last.start < this.sliceMs) return last.seen
    const slice = { start: now, seen: new Set<number>() }
    this.slices.push(slice)
    return slice.seen
  }

  private expire(now: number): void {
    // A slice may go once its newest possible entry is older than the window.
    while (this.slices.length > 0 && now - this.slices[0]!.start >= this.windowMs + this.sliceMs) {
      this.dropOldest(false)
    }
  }

  private dropOldest(early: boolean): void {
    const oldest = this.slices[0]!
    // Past the cap, the oldest slice goes whole unless it is the only one: then it is emptied bit by bit.
    if (early && this.slices.length === 1) {
      const first = oldest.seen.values().next()
      if (!first.done) oldest.seen.delete(first.value)
      this.size--
      this.forgottenEarly++
      return
    }
    this.slices.shift()
    this.size -= oldest.seen.size
    if (early) this.forgottenEarly += oldest.seen.size
  }
}

/**
 * 52 bits of SHA-256 (its first 13 hex digits): fits a double exactly, so a Set of numbers holds it.
 * The one-shot hash with a hex answer costs half of a Hash object and a digest Buffer per request.
 */
function fingerprint(body: Buffer): number {
  return parseInt(hash('sha256', body, 'hex').slice(0, 13), 16)
}
