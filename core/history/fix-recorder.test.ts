import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../test/fakes/fake-clock'
import { fakeFix } from '../../test/fakes/fake-fixes'
import { FixRecorder, FLUSH_EVERY_MS } from './fix-recorder'
import type { AppendBatch } from './worker-protocol'

const fix = (assetId: string, fixTime: number) =>
  fakeFix(assetId, fixTime, { lat: 1, lng: 2, speed: null, heading: 45 })

function setup(accept = true) {
  const clock = new FakeClock(0)
  const writes: AppendBatch[] = []
  const recorder = new FixRecorder({ append: (_seq, batch) => (writes.push(batch), accept) }, clock)
  return { clock, writes, recorder }
}

describe('FixRecorder', () => {
  it('writes what arrived in one flush interval as one batch, vehicles listed once', () => {
    const { clock, writes, recorder } = setup()
    recorder.record([fix('a', 1)])
    recorder.record([fix('b', 2), fix('a', 3)])
    clock.advance(FLUSH_EVERY_MS - 1)
    expect(writes).toHaveLength(0)
    recorder.useScope('s')
    recorder.record([fix('a', 1)])
    recorder.record([fix('b', 2), fix('a', 3)])
    clock.advance(FLUSH_EVERY_MS)
    expect(writes).toHaveLength(1)
    expect(writes[0]).toMatchObject({ scope: 's', assets: ['a', 'b'] })
    expect(Array.from(writes[0]!.asset)).toEqual([0, 1, 0])
    expect(Array.from(writes[0]!.t)).toEqual([1, 2, 3])
    expect(Number.isNaN(writes[0]!.speed[0]!)).toBe(true)
    expect(recorder.inFlight).toBe(3)
    recorder.committedWrite(3)
    expect(recorder.inFlight).toBe(0)
  })

  it('flushes before the scope changes, so one org’s fixes never go under another', () => {
    const { writes, recorder } = setup()
    recorder.useScope('org-1')
    recorder.record([fix('a', 1)])
    recorder.useScope('org-2')
    recorder.record([fix('a', 2)])
    recorder.useScope(null)
    recorder.record([fix('a', 3)])
    recorder.stop()
    expect(writes.map((w) => [w.scope, Array.from(w.t)])).toEqual([
      ['org-1', [1]],
      ['org-2', [2]],
    ])
  })

  it('counts what it could not hand over', () => {
    const { recorder } = setup(false)
    recorder.useScope('s')
    recorder.record([fix('a', 1), fix('b', 1)])
    recorder.stop()
    expect(recorder.dropped).toBe(2)
  })
})
