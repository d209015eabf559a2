import { randomBytes } from 'node:crypto'
import type { RejectReason } from '../../shared/domain/listener'

/** The header a public-URL probe carries its nonce in. */
export const PROBE_HEADER = 'x-fleet-monitor-probe'

const PROBE_LIFETIME_MS = 60_000
/** Probes are started by the user's clicks: a handful at most; the cap keeps a loop from growing a map. */
const MAX_PENDING = 32

/** What the listener saw of one probe, read by whoever sent it. */
export type ProbeArrival = { kind: 'answered' } | { kind: 'refused'; reason: RejectReason; path: string }

interface Pending {
  answer: string
  expiresAt: number
  arrival: ProbeArrival | null
}

/**
 * One-time nonces for "Test the public URL". The app sends a probe to the webhook's public postUrl;
 * if it comes back to this listener through the tunnel, the listener answers with a token only this
 * process knows (an echoing server that repeats the nonce cannot forge it) and never touches the
 * store. Nonces are random, single-use and short-lived, so a copied one is worthless.
 */
export class ProbeRegistry {
  private readonly pending = new Map<string, Pending>()

  /** A nonce to send and the answer that proves the probe reached this listener. */
  create(now: number): { nonce: string; answer: string } {
    this.prune(now)
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!)
    const nonce = randomBytes(18).toString('base64url')
    const answer = randomBytes(18).toString('base64url')
    this.pending.set(nonce, { answer, expiresAt: now + PROBE_LIFETIME_MS, arrival: null })
    return { nonce, answer }
  }

  /** The listener answers a probe that passed its Host and path checks: the answer, once, or undefined. */
  answer(nonce: string | undefined, now: number): string | undefined {
    const entry = this.live(nonce, now)
    if (!entry || entry.arrival) return undefined
    entry.arrival = { kind: 'answered' }
    return entry.answer
  }

  /** The listener refused a request that carries a live nonce: the sender learns why. */
  refused(nonce: string | undefined, reason: RejectReason, path: string, now: number): void {
    const entry = this.live(nonce, now)
    if (entry && !entry.arrival) entry.arrival = { kind: 'refused', reason, path }
  }

  /** What arrived for this nonce (null: nothing did); the nonce is spent either way. */
  settle(nonce: string): ProbeArrival | null {
    const entry = this.pending.get(nonce)
    this.pending.delete(nonce)
    return entry?.arrival ?? null
  }

  private live(nonce: string | undefined, now: number): Pending | undefined {
    if (nonce === undefined) return undefined
    const entry = this.pending.get(nonce)
    return entry && entry.expiresAt > now ? entry : undefined
  }

  private prune(now: number): void {
    for (const [nonce, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(nonce)
  }
}
