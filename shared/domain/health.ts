import type { AppErrorInfo } from './errors'

/** Whether the Tagora API answers from here, and how fast: the health panel's "API" line. */
export interface ApiProbe {
  url: string
  reachable: boolean
  /** HTTP status of the answer (any status means the server is up), or null when none came. */
  status: number | null
  /** Round trip in milliseconds, or null when nothing came back. */
  latencyMs: number | null
  /** Why it is unreachable ('probe-unreachable', 'probe-timeout'), as facts; null when it answered. */
  problem: AppErrorInfo | null
  checkedAt: number
}
