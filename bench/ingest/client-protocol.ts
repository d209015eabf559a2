import type { KeySpace } from './bench-events'

/** What the parent asks of one client process. */
export interface ClientJob {
  port: number
  path: string
  perPost: number
  /** Posts numbered from `firstPost`, so warm-up and measured runs never share an event. */
  firstPost: number
  posts: number
  concurrency: number
  space: KeySpace
  privateKeyPem: string
  /** Open-loop pacing in POSTs per second; absent: closed loop, as fast as the listener answers. */
  postsPerSecond?: number
}

export type ClientMessage =
  | { t: 'ready'; signMs: number }
  | {
      t: 'done'
      /** monoMs() when each POST was started, by post number minus firstPost. */
      starts: number[]
      failed: number
      firstStart: number
      lastEnd: number
      /** CPU time (user + system) this sender process spent sending and reading answers, µs. */
      cpuMicros: number
    }
