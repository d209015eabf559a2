import { errorText } from '../../lib/error-text'
import type { AppStoreApi } from '../../store'
import type { ReplayState } from '../../store/replay-slice'
import type { FleetFrame } from '../../../../shared/domain/history'
import { frameFromFleet, frameFromTracks } from './replay-frame'

/** The playhead moves in steps this long (wall time): 10 frames a second. */
const STEP_MS = 100

/**
 * Plays a replay outside React, like the selection poller: moves the playhead while playing and
 * turns it into the map's replay columns, from the loaded tracks at once, or for a fleet replay by
 * asking main for the frame at the playhead (one request at a time; the newest playhead wins).
 */
export function startReplayPlayer(
  store: AppStoreApi,
  /** Main's whole-fleet frame at a moment (replay-actions' fleetFrameAt). */
  fleetFrameAt: (at: number) => Promise<FleetFrame>,
): () => void {
  let timer: ReturnType<typeof setInterval> | undefined
  let inFlight = false
  let wanted: number | null = null

  function thresholds() {
    return (
      store.getState().settings?.telemetry ?? {
        staleAfterSeconds: 120,
        offlineAfterSeconds: 600,
        trailMinutes: 30,
        trailPoints: 500,
      }
    )
  }

  function step(): void {
    const replay = store.getState().replay
    if (!replay?.playing) return
    const next = Math.min(replay.to, replay.playhead + STEP_MS * replay.speed)
    store.getState().updateReplay({ playhead: next, playing: next < replay.to })
  }

  async function fetchFleet(at: number, replay: ReplayState): Promise<void> {
    if (inFlight) {
      wanted = at
      return
    }
    inFlight = true
    try {
      const frame = await fleetFrameAt(at)
      const current = store.getState().replay
      if (current && current.mode === 'fleet' && current.from === replay.from)
        store.getState().setReplayColumns(frameFromFleet(frame, thresholds(), current.only))
    } catch (cause) {
      store.getState().updateReplay({ error: errorText(cause), playing: false })
    } finally {
      inFlight = false
    }
    const again = wanted
    wanted = null
    const current = store.getState().replay
    if (again !== null && current?.mode === 'fleet') void fetchFleet(again, current)
  }

  function show(replay: ReplayState): void {
    if (replay.mode === 'tracks') {
      store.getState().setReplayColumns(frameFromTracks(replay.tracks, replay.playhead, thresholds()))
    } else {
      void fetchFleet(replay.playhead, replay)
    }
  }

  const unsubscribe = store.subscribe((state, previous) => {
    // Signed out: the replay was of that organization's history; the next session starts live.
    if (state.replay && state.session?.phase === 'signed-out') return state.setReplay(null)
    const replay = state.replay
    const before = previous.replay
    if (replay?.playing && !before?.playing) timer ??= setInterval(step, STEP_MS)
    if (!replay?.playing && timer !== undefined) {
      clearInterval(timer)
      timer = undefined
    }
    if (!replay) return
    const moved =
      !before ||
      replay.playhead !== before.playhead ||
      replay.tracks !== before.tracks ||
      replay.mode !== before.mode ||
      replay.only !== before.only
    if (moved) show(replay)
  })
  return () => {
    unsubscribe()
    clearInterval(timer)
  }
}
