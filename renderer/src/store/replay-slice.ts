import type { StateCreator } from 'zustand'
import type { Track } from '../../../shared/domain/history'
import type { AppStore } from './index'
import type { TelemetryColumns } from './telemetry-columns'
import { createColumns } from './telemetry-columns'

/** Who is replayed: the selected vehicle, the vehicles the list shows, or the whole fleet. */
export type ReplayTarget = 'selected' | 'list' | 'fleet'
/** The ranges offered; 'shift' is the current one of 06–14, 14–22, 22–06 local time. */
export type ReplayRange = 'last-10-min' | 'last-hour' | 'shift' | 'yesterday' | 'custom'
export const REPLAY_SPEEDS = [1, 10, 60, 300] as const
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number]

export interface ReplayState {
  target: ReplayTarget
  /** The vehicles of a track replay (one, or a few from the list); empty for a fleet replay. */
  assetIds: string[]
  range: ReplayRange
  from: number
  to: number
  /**
   * 'tracks': each vehicle's fixes loaded once, played here (trails drawn); 'fleet': every vehicle's
   * position at the playhead asked of main as the playhead moves (the whole fleet rewound).
   */
  mode: 'tracks' | 'fleet'
  /** A fleet replay of the list's vehicles shows only those. */
  only: ReadonlySet<string> | null
  playhead: number
  playing: boolean
  speed: ReplaySpeed
  loading: boolean
  /** Why the range could not be loaded (already in the user's words). */
  error: string | null
  tracks: Track[]
  /** The range held more fixes than one answer carries: the end was cut. */
  truncated: boolean
}

export interface ReplaySlice {
  /** Null while the map is live. */
  replay: ReplayState | null
  /** What the map draws while replaying: mutable, redrawn on replayVersion. */
  replayColumns: TelemetryColumns
  replayVersion: number
  setReplay: (replay: ReplayState | null) => void
  updateReplay: (change: Partial<ReplayState>) => void
  setReplayColumns: (columns: TelemetryColumns) => void
}

export const createReplaySlice: StateCreator<AppStore, [], [], ReplaySlice> = (set, get) => ({
  replay: null,
  replayColumns: createColumns(),
  replayVersion: 0,
  setReplay: (replay) =>
    set((s) => ({
      replay,
      ...(replay === null && { replayColumns: createColumns(), replayVersion: s.replayVersion + 1 }),
    })),
  updateReplay: (change) => {
    const current = get().replay
    if (current) set({ replay: { ...current, ...change } })
  },
  setReplayColumns: (replayColumns) => set((s) => ({ replayColumns, replayVersion: s.replayVersion + 1 })),
})
