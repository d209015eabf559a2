/** Where a desk's feed connects: the relay's WebSocket URL, its desk key, and where to resume. */
export interface RelayLinkTarget {
  /** ws:// or wss:// URL of the relay's feed (shared/net/relay-url.ts builds it). */
  url: string
  /** Sent as a Bearer credential on the upgrade; never logged. */
  key: string
  /** The last stream sequence applied, or null for a snapshot first. */
  resumeAfter: number | null
}

/**
 * What one connection reports. After `opened`, messages follow until `closed`; before it, exactly one
 * of `refused` (an HTTP answer instead of a WebSocket), `failed` (no answer) or `closed` ends it.
 */
export interface RelayLinkEvents {
  opened(): void
  /** One text frame, as received. */
  message(text: string): void
  /** The relay answered the upgrade with this HTTP status (401: unknown or revoked key; 503: NATS down). */
  refused(status: number): void
  /** Nothing answered: the Node error code (ECONNREFUSED, ENOTFOUND, a TLS code…) or 'other'. */
  failed(code: string): void
  closed(code: number, reason: string): void
}

/** Opens one connection to a relay (the ws adapter in core/adapters); `close` ends it without events. */
export type ConnectRelay = (target: RelayLinkTarget, events: RelayLinkEvents) => { close(): void }
