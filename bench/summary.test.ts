import { describe, expect, it } from 'vitest'
import { goalSummary } from './summary'
import type { SummaryInput } from './summary'

const spread = (p50: number, p95: number, max: number) => ({ n: 100, p50, p95, max })

function input(over: Partial<SummaryInput> = {}): SummaryInput {
  const frameMs = { motion: 'on' as const, still: spread(16.7, 16.8, 33.3), panning: spread(16.7, 18, 40) }
  const canvas = {
    zoom: 12,
    fleetSpread: 2,
    setupMs: 1,
    batch: { samples: 5, applyMs: 1, drawMs: 1, paintedMs: 1 },
    frameMs,
    layerDrawMs: null,
  }
  return {
    machine: { cpus: 2, loadAvgBefore: [1], loadAvgAfter: [1] },
    ingest: {
      modes: [
        { eventsPerPost: 1, postsVsCeiling: 0.62, lost: 1 },
        { eventsPerPost: 50, postsVsCeiling: 9, lost: 0 },
      ] as unknown as NonNullable<SummaryInput['ingest']>['modes'],
      withHistory: { modes: [{ eventsPerPost: 1, ratio: 1, lostOn: [0, 2, 0] }] },
    },
    history: null,
    map: {
      rows: [{ assets: 50_000, canvas, naive: { skipped: 'too slow' }, ratio: null }],
      denseWorstCase10kAllInView: canvas,
      clusteredOverview50k: canvas,
      approaches50k: { everyFrameRedrawn: canvas, arrowsEverywhere: canvas, motionOff: canvas },
    },
    endToEnd: { postToDrawnMs: { p99: 77 }, lost: 0 } as unknown as SummaryInput['endToEnd'],
    memory: null,
    elapsedSeconds: 1,
    ...over,
  }
}

describe('goalSummary', () => {
  it('takes the worse of still and panning at 50k, 1/POST against its ceiling, and every loss', () => {
    const s = goalSummary(input())
    expect(s).toMatchObject({
      ingestVsCeiling: 0.62,
      map50kFrameMaxMs: 40,
      map50kFrameP95Ms: 18,
      endToEndP99Ms: 77,
      lost: 3,
    })
    expect(s.met).toEqual({
      ingestVsCeiling: false,
      map50kFrameMaxMs: true,
      map50kFrameP95Ms: true,
      endToEndP99Ms: true,
      lost: false,
    })
    expect(s.goals.map50kFrameP95Ms).toEqual({ atMost: 20 })
  })

  it('says null, not zero, for what a partial run did not measure', () => {
    const s = goalSummary(input({ ingest: null, endToEnd: null }))
    expect(s.ingestVsCeiling).toBeNull()
    expect(s.lost).toBeNull()
    expect(s.met.ingestVsCeiling).toBeNull()
    expect(s.map50kFrameMaxMs).toBe(40)
  })
})
