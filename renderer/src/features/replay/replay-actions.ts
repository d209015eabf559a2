import * as api from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { useAppStore } from '../../store'
import type { ReplayRange, ReplaySpeed, ReplayState, ReplayTarget } from '../../store/replay-slice'
import { buildDeviceView } from '../devices/device-view'
import { buildSearchIndex, filterDevices } from '../devices/device-filter'
import { rangeOf } from './replay-range'

/** A list of at most this many vehicles is replayed with their tracks and trails; more, as fleet frames. */
export const MAX_TRACKED_VEHICLES = 50

const store = () => useAppStore.getState()
/** Answers to an older request (the range was changed meanwhile) are dropped. */
let request = 0

/** The vehicles the list shows now (its search and status filter), in its order. */
function listedAssetIds(): string[] {
  const s = store()
  const matches = filterDevices(buildSearchIndex(s.devices), s.deviceSearch)
  const view = buildDeviceView({
    devices: s.devices,
    searchMatches: matches,
    telemetry: s.telemetry,
    filter: s.deviceFilter,
    sort: s.deviceSort,
    outOfScope: s.outOfScopeAssetIds,
  })
  return view.rows.map((i) => s.devices[i]?.assetId ?? '').filter(Boolean)
}

/** Opens replay: the selected vehicle's last hour, or the whole fleet's when none is selected. */
export function openReplay(): Promise<void> {
  const selected = store().selectedAssetId
  const now = Date.now()
  const base: ReplayState = {
    target: selected ? 'selected' : 'fleet',
    assetIds: [],
    range: 'last-hour',
    from: now - 3_600_000,
    to: now,
    mode: 'fleet',
    only: null,
    playhead: now - 3_600_000,
    playing: false,
    speed: 60,
    loading: false,
    error: null,
    tracks: [],
    truncated: false,
  }
  store().setReplay(base)
  return load(base.target, base.range, null)
}

export function setReplayTarget(target: ReplayTarget): Promise<void> {
  const replay = store().replay
  if (!replay) return Promise.resolve()
  return load(target, replay.range, replay.range === 'custom' ? { from: replay.from, to: replay.to } : null)
}

/** A preset range, or 'custom' with its two ends. */
export function setReplayRange(
  range: ReplayRange,
  custom: { from: number; to: number } | null = null,
): Promise<void> {
  const replay = store().replay
  if (!replay) return Promise.resolve()
  return load(replay.target, range, custom)
}

/** Loads what a target and range need: tracks now, or nothing (fleet frames come as the playhead moves). */
async function load(
  target: ReplayTarget,
  range: ReplayRange,
  custom: { from: number; to: number } | null,
): Promise<void> {
  const bounds = custom ?? rangeOf(range, Date.now())
  const replay = store().replay
  if (!bounds || !replay) return
  const selected = store().selectedAssetId
  const listed = target === 'list' ? listedAssetIds() : []
  const assetIds = target === 'selected' && selected ? [selected] : listed
  const mode =
    target === 'fleet' || listed.length > MAX_TRACKED_VEHICLES || assetIds.length === 0 ? 'fleet' : 'tracks'
  const only = target === 'list' && mode === 'fleet' ? new Set(listed) : null
  const id = ++request
  store().updateReplay({
    target,
    range,
    ...bounds,
    assetIds: mode === 'tracks' ? assetIds : [],
    mode,
    only,
    playhead: bounds.from,
    playing: false,
    loading: mode === 'tracks',
    error: null,
    tracks: [],
    truncated: false,
  })
  try {
    if (mode === 'fleet') {
      // A range that begins before anything was recorded starts playing at the first recording.
      const recorded = await api.historyRange()
      if (
        id === request &&
        recorded.oldest !== null &&
        recorded.oldest > bounds.from &&
        recorded.oldest < bounds.to
      )
        store().updateReplay({ playhead: recorded.oldest })
      return
    }
    const { tracks, truncated } = await api.historyTracks({ assetIds, ...bounds })
    const first = Math.min(...tracks.map((track) => track.t[0] ?? Infinity))
    if (id === request)
      store().updateReplay({
        tracks,
        truncated,
        loading: false,
        ...(Number.isFinite(first) && first > bounds.from && { playhead: first }),
      })
  } catch (cause) {
    if (id === request) store().updateReplay({ loading: false, error: errorText(cause) })
  }
}

export function toggleReplayPlaying(): void {
  const replay = store().replay
  if (!replay) return
  // At the end, play starts over from the beginning.
  const atEnd = replay.playhead >= replay.to
  store().updateReplay({
    playing: !replay.playing,
    ...(atEnd && !replay.playing && { playhead: replay.from }),
  })
}

export function setReplaySpeed(speed: ReplaySpeed): void {
  store().updateReplay({ speed })
}

/** Moves the playhead (the scrubber); play goes on from there. */
export function scrubReplay(at: number): void {
  const replay = store().replay
  if (replay) store().updateReplay({ playhead: Math.min(replay.to, Math.max(replay.from, at)) })
}

/** Back to live: one click or Escape. */
export function exitReplay(): void {
  request++
  store().setReplay(null)
}

/** Whole-fleet frames for the player (the only other call replay makes). */
export function fleetFrameAt(at: number) {
  return api.historyFleetAt({ at: Math.round(at) })
}
