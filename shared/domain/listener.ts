import type { AppErrorInfo } from './errors'

/** Why the local webhook listener refused a POST; each reason has its own counter. */
export type RejectReason =
  | 'bad-signature'
  | 'missing-signature'
  | 'bad-json'
  | 'too-large'
  | 'unsupported-media-type'
  | 'no-asset'
  | 'unknown-asset'
  | 'bad-position'
  | 'timeout'
  | 'wrong-method'
  | 'wrong-path'
  | 'bad-host'
  /** A signed body already received within the replay window: answered 409, applied once. */
  | 'replay'
  /** An event without a time for a vehicle that already has a timed fix: it would move it to "now". */
  | 'untimed'
  /** Cut or refused to make room: too many connections or bodies at once. */
  | 'overloaded'
  /** Verified, but where it goes (the relay's NATS) could not take it: answered 503 so Tagora retries. */
  | 'unavailable'

export interface ListenerState {
  state: 'off' | 'listening' | 'error'
  /** Local URL the listener is bound to, e.g. http://127.0.0.1:8787/tagora/events. */
  url: string | null
  /** Why it is not listening, as facts. */
  problem: AppErrorInfo | null
  accepted: number
  rejected: Partial<Record<RejectReason, number>>
  lastEventAt: number | null
}

/** One entry of the raw-event inspector: a whole request, or one event of it that was rejected. */
export interface RawEventRecord {
  receivedAt: number
  accepted: boolean
  reason?: RejectReason
  detail?: string
  /** For a whole request body: how many of its events were accepted and rejected. */
  counts?: { accepted: number; rejected: number }
  /** Headers a tunnel or proxy added (X-Forwarded-*, Forwarded, Via): shown, trusted for nothing. */
  forwarded?: Record<string, string>
  /** The body (or the rejected event) as text, cut to 4 KB. */
  body: string
  truncated: boolean
}
