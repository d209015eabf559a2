import type { AppErrorInfo } from './errors'

/** Where this desk's live telemetry comes from (design.md, "Feeds"). */
export type FeedKind = 'listener' | 'relay'

/**
 * The desk's link to a Fleet Relay. 'connecting' and 'reconnecting' retry by themselves; 'refused'
 * (an unknown or revoked desk key) waits for a new key; 'off' while the desk uses its own listener.
 */
export type RelayLinkState = 'off' | 'connecting' | 'connected' | 'reconnecting' | 'refused'

/** The feed as Fleet setup and Health show it. Never carries the desk key itself. */
export interface FeedState {
  kind: FeedKind
  /** Chosen on the command line (--relay-url, FLEET_RELAY_URL) for this run: Fleet setup cannot change it. */
  fromCommandLine: boolean
  /** The relay's base URL, as entered. */
  relayUrl: string | null
  /** Where the desk key is held: the keychain, this run's memory only, or nowhere yet. */
  keyKeptIn: 'keychain' | 'memory' | null
  state: RelayLinkState
  /** The organization whose fleet the relay carries (from its hello). */
  organizationId: string | null
  /** The last stream sequence applied: where a reconnect resumes. */
  lastSequence: number | null
  /** Fixes applied from the relay since this desk started. */
  received: number
  /** When the current connection opened (null when not connected). */
  connectedAt: number | null
  /** When the last fix arrived from the relay: how old the map's data is on a relay desk. */
  lastFixAt: number | null
  /** Why the link is reconnecting or refused. */
  problem: AppErrorInfo | null
}
