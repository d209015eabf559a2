import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream'
import type { KV } from '@nats-io/kv'

/** A stream message as the relay keeps it: its sequence and the fix's JSON text. */
export interface SequencedFix {
  seq: number
  fixTime: number
  /** The fix as JSON, exactly as published to the stream. */
  json: string
}

/** The KV value: `{"seq":N,"fix":{…}}`, written here and read by snapshotFrom (catch-up.ts). */
export function latestValue(fix: SequencedFix): string {
  return `{"seq":${fix.seq},"fix":${fix.json}}`
}

/** Conflicts in a row before a write gives up (and the delivery is answered 503, then retried). */
const MAX_ATTEMPTS = 5

interface Slot {
  fix: SequencedFix
  done: Promise<void>
}

/**
 * Keeps the latest fix per asset in the KV bucket, by fix time: a delivery retried late (after a 503)
 * must not put an older position back. Writes are compare-and-set on the key's revision, so two relay
 * nodes writing the same asset cannot undo each other; the revision each node last saw is cached, so
 * the usual write is one round trip. Writes to one key run one at a time, and offers made meanwhile
 * collapse into the newest (memory stays one entry per asset).
 */
export class LatestFixes {
  private readonly seen = new Map<string, { revision: number; fixTime: number }>()
  private readonly queued = new Map<string, Slot>()
  private readonly running = new Map<string, Promise<void>>()

  constructor(private readonly kv: KV) {}

  /** Resolves once the bucket holds this fix or a newer one for `key`; rejects when NATS failed. */
  offer(key: string, fix: SequencedFix): Promise<void> {
    const slot = this.queued.get(key)
    if (slot) {
      if (fix.fixTime > slot.fix.fixTime) slot.fix = fix
      return slot.done
    }
    const previous = this.running.get(key) ?? Promise.resolve()
    const next: Slot = { fix, done: Promise.resolve() }
    next.done = previous
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(key)
        return this.write(key, next.fix)
      })
    this.queued.set(key, next)
    const run = next.done.finally(() => {
      if (this.running.get(key) === run) this.running.delete(key)
    })
    // The chain's own failure is the offer's to report; the bookkeeping copy must not be unhandled.
    run.catch(() => undefined)
    this.running.set(key, run)
    return next.done
  }

  private async write(key: string, fix: SequencedFix): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const seen = this.seen.get(key)
      if (seen && seen.fixTime >= fix.fixTime) return
      try {
        const value = latestValue(fix)
        const revision = seen
          ? await this.kv.update(key, value, seen.revision)
          : await this.kv.create(key, value)
        this.seen.set(key, { revision, fixTime: fix.fixTime })
        return
      } catch (error) {
        if (!isConflict(error)) throw error
        await this.reread(key)
      }
    }
    throw new Error(`the latest fix of ${key} kept changing during ${MAX_ATTEMPTS} writes`)
  }

  /** Another node wrote the key: learn its revision and fix time, then decide again. */
  private async reread(key: string): Promise<void> {
    const entry = await this.kv.get(key)
    if (!entry || entry.operation !== 'PUT') return void this.seen.delete(key)
    this.seen.set(key, { revision: entry.revision, fixTime: fixTimeOf(entry.string()) })
  }
}

function isConflict(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
      error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
  )
}

function fixTimeOf(value: string): number {
  try {
    const parsed = JSON.parse(value) as { fix?: { fixTime?: unknown } }
    return typeof parsed.fix?.fixTime === 'number' ? parsed.fix.fixTime : -Infinity
  } catch {
    // Not ours: any real fix is newer.
    return -Infinity
  }
}
