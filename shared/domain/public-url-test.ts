import type { RejectReason } from './listener'

/**
 * Where "Test the public URL" found the route from Tagora to this desk working, or broken. Each is
 * said to a dispatcher in words (renderer `webhooks.publicTest.*`), with the facts below.
 */
export type PublicUrlTestOutcome =
  /** The probe came back to this desk's listener through the public URL. */
  | 'reached'
  /** It came back to this desk, but the listener refused it (Host or path: see `reason`, `path`). */
  | 'listener-refused'
  /** The public name does not resolve (DNS). */
  | 'name-not-found'
  /** A secure connection could not be made (certificate, protocol). */
  | 'tls-failed'
  /** Nothing accepted the connection, or it was cut before an answer. */
  | 'no-connection'
  /** No answer within the time limit. */
  | 'timed-out'
  /** 502/503/504: something in between (the tunnel) answered, but could not reach this desk. */
  | 'tunnel-error'
  /** A server answered, but it is not this desk. */
  | 'other-server'

export interface PublicUrlTestResult {
  webhookId: string
  postUrl: string
  state: 'reached' | 'failed'
  outcome: PublicUrlTestOutcome
  /** host[:port] of the public URL. */
  host: string
  /** Round trip of the probe in ms, when an answer came. */
  ms: number | null
  /** HTTP status of the answer, when one came. */
  status?: number
  /** Why this desk's listener refused the probe ('listener-refused'). */
  reason?: RejectReason
  /** The path the probe arrived at, and the one the listener serves. */
  path?: string
  listenerPath?: string
  /** The listener's local port, or null when it is not listening (a tunnel then has nowhere to go). */
  listenerPort: number | null
  /** A low-level code (an OS or TLS error name), kept as is. */
  detail?: string
  /** Epoch ms when the test ended. */
  at: number
}
