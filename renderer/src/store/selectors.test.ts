import { describe, expect, it } from 'vitest'
import type { SessionState } from '../../../shared/domain/session'
import { codeFromStatus } from '../../../shared/domain/telemetry'
import { createAppStore } from './index'
import { assetSpeed, assetStatus, isSignedIn } from './selectors'

describe('selectors', () => {
  it('counts a renewing session as signed in, and nothing else but signed-in', () => {
    const store = createAppStore()
    expect(isSignedIn(store.getState())).toBe(false)
    const phases: [SessionState['phase'], boolean][] = [
      ['signed-in', true],
      ['renewing', true],
      ['signing-in', false],
      ['signed-out', false],
    ]
    for (const [phase, expected] of phases) {
      // Only the phase matters here; the rest of the session is not read.
      store.setState({ session: { phase } as SessionState })
      expect(isSignedIn(store.getState()), phase).toBe(expected)
    }
  })

  it("reads one asset's status and speed from the columns, no-fix and null when unknown", () => {
    const store = createAppStore()
    store.getState().applyTelemetryBatch({
      newSlots: [
        { slot: 0, assetId: 'a' },
        { slot: 1, assetId: 'b' },
      ],
      slot: Uint32Array.from([0, 1]),
      lat: Float64Array.from([19.4, 19.5]),
      lng: Float64Array.from([-99.1, -99.2]),
      speed: Float32Array.from([42, Number.NaN]),
      heading: Float32Array.from([0, 0]),
      fixTime: Float64Array.from([1000, 1000]),
      status: Uint8Array.from([codeFromStatus('stale'), codeFromStatus('live')]),
    })
    const cols = store.getState().telemetry
    expect([assetStatus(cols, 'a'), assetSpeed(cols, 'a')]).toEqual(['stale', 42])
    expect([assetStatus(cols, 'b'), assetSpeed(cols, 'b')]).toEqual(['live', null])
    expect([assetStatus(cols, 'nobody'), assetSpeed(cols, 'nobody')]).toEqual(['no-fix', null])
  })
})
