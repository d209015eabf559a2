import { describe, expect, it } from 'vitest'
import { codeFromStatus } from '../../shared/domain/telemetry'
import type { AssetStatus } from '../../shared/domain/telemetry'
import type { StoreWatchView } from '../telemetry/telemetry-store'
import { AlarmDetector } from './alarm-detector'

function view(rows: [string, AssetStatus, number?][], generation = 0): StoreWatchView {
  return {
    generation,
    size: rows.length,
    ids: rows.map((r) => r[0]),
    status: Uint8Array.from(rows.map((r) => codeFromStatus(r[1]))),
    speed: Float32Array.from(rows.map((r) => r[2] ?? Number.NaN)),
  }
}

describe('AlarmDetector', () => {
  it('raises stale and offline when a vehicle seen live worsens, and ends them when it is live again', () => {
    const detector = new AlarmDetector()
    expect(
      detector.detect(
        view([
          ['a', 'live'],
          ['b', 'live'],
        ]),
        110,
      ).raised,
    ).toEqual([])
    expect(
      detector.detect(
        view([
          ['a', 'stale'],
          ['b', 'offline'],
        ]),
        110,
      ).raised,
    ).toEqual([
      { kind: 'stale', assetId: 'a' },
      { kind: 'offline', assetId: 'b' },
    ])
    expect(
      detector.detect(
        view([
          ['a', 'offline'],
          ['b', 'offline'],
        ]),
        110,
      ).raised,
    ).toEqual([{ kind: 'offline', assetId: 'a' }])
    const back = detector.detect(
      view([
        ['a', 'live'],
        ['b', 'offline'],
      ]),
      110,
    )
    expect(back).toEqual({
      raised: [],
      ended: [
        { kind: 'stale', assetId: 'a' },
        { kind: 'offline', assetId: 'a' },
      ],
    })
  })

  it('raises nothing for vehicles first seen: a restored stale vehicle, nor a first fix (which ends what an earlier run left)', () => {
    const detector = new AlarmDetector()
    expect(detector.detect(view([['a', 'no-fix']]), 110).raised).toEqual([])
    // Restored at sign-in: no-fix → stale is not a vehicle that stopped reporting in front of us.
    expect(
      detector.detect(
        view([
          ['a', 'stale'],
          ['b', 'offline'],
          ['c', 'live'],
        ]),
        110,
      ),
    ).toEqual({
      raised: [],
      // An alarm kept from before a restart ends when its vehicle's first fix is live.
      ended: [
        { kind: 'stale', assetId: 'c' },
        { kind: 'offline', assetId: 'c' },
      ],
    })
    // Later worsening is real.
    expect(
      detector.detect(
        view([
          ['a', 'offline'],
          ['b', 'offline'],
          ['c', 'live'],
        ]),
        110,
      ).raised,
    ).toEqual([{ kind: 'offline', assetId: 'a' }])
  })

  it('raises speeding once on a live fix over the limit, and ends it under the limit or when not live', () => {
    const detector = new AlarmDetector()
    expect(
      detector.detect(
        view([
          ['a', 'live', 130],
          ['b', 'stale', 150],
        ]),
        110,
      ).raised,
    ).toEqual([{ kind: 'speeding', assetId: 'a', speed: 130 }])
    expect(
      detector.detect(
        view([
          ['a', 'live', 140],
          ['b', 'stale', 150],
        ]),
        110,
      ),
    ).toEqual({ raised: [], ended: [] })
    expect(
      detector.detect(
        view([
          ['a', 'live', 90],
          ['b', 'stale', 150],
        ]),
        110,
      ).ended,
    ).toEqual([{ kind: 'speeding', assetId: 'a' }])
  })

  it('starts over when the store is cleared (another session): old slots mean nothing', () => {
    const detector = new AlarmDetector()
    detector.detect(view([['a', 'live']]), 110)
    expect(detector.detect(view([['x', 'stale']], 1), 110).raised).toEqual([])
  })
})
