/** What happened to a vehicle that a dispatcher must hear about. */
export type AlertKind = 'stale' | 'offline' | 'speeding'
export const ALERT_KINDS: readonly AlertKind[] = ['stale', 'offline', 'speeding']

/** One vehicle, one transition, at one time. */
export interface AlertEvent {
  kind: AlertKind
  assetId: string
  at: number
  /** km/h, for speeding. */
  speed?: number
}

/** An entry of the alert list: one event, or a burst of the same kind grouped together. */
export interface AlertEntry {
  id: number
  kind: AlertKind
  assetIds: string[]
  at: number
  /** Highest speed in the group, for speeding. */
  speed?: number
}
