import type { RejectReason } from '../../shared/domain/listener'

/** One position report, normalized: the only shape the store and everything after it ever sees. */
export interface TelemetryEvent {
  assetId: string
  lat: number
  lng: number
  /** km/h, or null when the device did not say. */
  speed: number | null
  /** Degrees clockwise from north in [0, 360), or null. */
  heading: number | null
  /** Metres, or null. */
  altitude: number | null
  /** Epoch ms of the fix; `receivedAt` when the body carried no usable time (see `timeMissing`). */
  fixTime: number
  /** Epoch ms when the listener received the body. */
  receivedAt: number
  /** True when the body carried no usable time and `fixTime` is the receive time. */
  timeMissing: boolean
  /** Fix more than FUTURE_FIX_TOLERANCE_MS ahead of the receive time: a device clock is wrong. */
  futureFix: boolean
  /** Every field the parser did not consume, as received (for the detail panel). */
  extra: Record<string, unknown>
}

/** An event that could not be keyed or placed: counted and shown in the raw-event inspector. */
export interface RejectedEvent {
  reason: RejectReason
  detail: string
  raw: unknown
}

export interface ParseResult {
  events: TelemetryEvent[]
  rejected: RejectedEvent[]
}

export interface ParseOptions {
  /** Maps a serial or deviceId to an assetId through the webhook scope and the device list. */
  resolveAssetId(key: { serial?: string; deviceId?: string }): string | undefined
  /**
   * False for an assetId the organization does not have: such events are rejected as
   * 'unknown-asset' instead of drawing a vehicle nobody can identify. Absent: every id is accepted.
   */
  isKnownAsset?(assetId: string): boolean
  /**
   * True when the asset's current fix has its own time: an event without one is then refused as
   * 'untimed' (it would move the vehicle to a position stamped "now"). Absent: never refused.
   */
  hasTimedFix?(assetId: string): boolean
  /** Receive time, epoch ms. */
  now: number
}

export const FUTURE_FIX_TOLERANCE_MS = 5 * 60_000
