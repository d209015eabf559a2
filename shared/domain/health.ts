import type { NetworkFailure } from './network-failure'

/** Whether the Tagora API answers from here, and how fast: the health panel's "API" line. */
export interface ApiProbe {
  url: string
  reachable: boolean
  /** HTTP status of the answer (any status means the server is up), or null when none came. */
  status: number | null
  /** Round trip in milliseconds, or null when nothing came back. */
  latencyMs: number | null
  /** Why it is unreachable, in English words. */
  error: string | null
  /** The same reason as facts, for other languages: the network failure's key, or the wait that ran out. */
  network?: NetworkFailure
  timeoutSeconds?: number
  checkedAt: number
}
