import type { AppErrorInfo } from '../errors/facts'

/** One vehicle's recorded fixes over a range, oldest first, column-wise (typed arrays cross as bytes). */
export interface Track {
  assetId: string
  /** Epoch ms. */
  t: Float64Array
  lat: Float64Array
  lng: Float64Array
  /** km/h; NaN when unknown. */
  speed: Float32Array
  /** Degrees; NaN when unknown. */
  heading: Float32Array
}

export interface HistoryTracks {
  tracks: Track[]
  /** True when the range held more fixes than one answer carries: the newest ones were left out. */
  truncated: boolean
}

/** The whole fleet at one moment: each vehicle's last recorded fix at or before `at`. */
export interface FleetFrame {
  at: number
  assetIds: string[]
  fixTime: Float64Array
  lat: Float64Array
  lng: Float64Array
  speed: Float32Array
  heading: Float32Array
}

/** Where the recorded history of the signed-in organization begins and ends (null: nothing yet). */
export interface HistoryRange {
  oldest: number | null
  newest: number | null
}

/**
 * The history file: 'opening' at start, 'ready', 'memory' when the file could not be used (this
 * run is kept in memory only, the notice says why), 'off' when this host runs without it.
 */
export type HistoryState = 'off' | 'opening' | 'ready' | 'memory' | 'error'

/** What the Health panel shows of the history database. */
export interface HistoryHealth {
  state: HistoryState
  /** The database file and its write-ahead log, bytes on disk. */
  fileBytes: number
  /** Bytes holding data (the size cap applies to these; freed pages are reused first). */
  usedBytes: number
  /** Fixes stored, every organization. */
  fixes: number
  oldestFix: number | null
  /** Fixes written per second, over the last 10 s. */
  writesPerSecond: number
  /** Fixes the recorder had to drop because the database fell too far behind (should stay 0). */
  droppedFixes: number
  lastError: AppErrorInfo | null
}
