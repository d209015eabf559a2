import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Track } from '../../../../shared/domain/history'
import type { SessionState } from '../../../../shared/domain/session'
import { createAppStore } from '../../store'
import type { ReplayState } from '../../store/replay-slice'
import { startReplayPlayer } from './replay-player'

const T0 = 1_764_000_000_000
const track: Track = {
  assetId: 'a',
  t: Float64Array.from([T0, T0 + 10_000, T0 + 20_000]),
  lat: Float64Array.from([1, 2, 3]),
  lng: Float64Array.from([4, 5, 6]),
  speed: Float32Array.from([7, 8, 9]),
  heading: Float32Array.from([0, 0, 0]),
}

function replayOf(change: Partial<ReplayState>): ReplayState {
  return {
    target: 'selected',
    assetIds: ['a'],
    range: 'custom',
    from: T0,
    to: T0 + 20_000,
    mode: 'tracks',
    only: null,
    playhead: T0,
    playing: false,
    speed: 10,
    loading: false,
    error: null,
    tracks: [track],
    truncated: false,
    ...change,
  }
}

describe('the replay player', () => {
  afterEach(() => vi.useRealTimers())

  it('moves the playhead at the chosen speed, draws where the vehicle was, and stops at the end', () => {
    vi.useFakeTimers()
    const store = createAppStore()
    const stop = startReplayPlayer(store, () => Promise.reject(new Error('no fleet frames in this test')))
    store.getState().setReplay(replayOf({}))
    const lat = () => store.getState().replayColumns.lat[0]
    expect(lat()).toBe(1)
    store.getState().updateReplay({ playing: true })
    vi.advanceTimersByTime(1000)
    // One second at ×10: ten seconds replayed.
    expect(store.getState().replay?.playhead).toBe(T0 + 10_000)
    expect(lat()).toBe(2)
    vi.advanceTimersByTime(5000)
    expect(store.getState().replay).toMatchObject({ playhead: T0 + 20_000, playing: false })
    expect(lat()).toBe(3)
    stop()
  })

  it('leaves replay when the session ends: the next one starts live', () => {
    const store = createAppStore()
    const stop = startReplayPlayer(store, () => Promise.reject(new Error('no fleet frames in this test')))
    store.getState().setReplay(replayOf({}))
    store.getState().setSession({ phase: 'signed-out' } as SessionState)
    expect(store.getState().replay).toBeNull()
    stop()
  })
})
