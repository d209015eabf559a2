import { describe, expect, it, vi } from 'vitest'
import { applyBatch, createColumns } from '../../store/telemetry-columns'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import type { ClusterWorkerPort } from './cluster-index'
import { ClusterIndex } from './cluster-index'
import type { ClusterReply, ClusterRequest } from './cluster-protocol'
import { ClusterAnswerer } from './cluster-protocol'
import { abbreviateCount, collectPoints } from './cluster-snapshot'

/** Two tight groups (Mexico City, Monterrey), one vehicle with no fix, one lone vehicle far off. */
function fleet(): TelemetryColumns {
  const cols = createColumns()
  const lat = [19.4, 19.4001, 19.4002, 25.7, 25.7001, 0, 32.5]
  const lng = [-99.1, -99.1001, -99.1002, -100.3, -100.3001, 0, -117]
  const status = [0, 0, 1, 2, 2, 3, 0]
  const n = lat.length
  applyBatch(cols, {
    newSlots: [],
    slot: Uint32Array.from(lat.map((_, i) => i)),
    lat: Float64Array.from(lat),
    lng: Float64Array.from(lng),
    speed: new Float32Array(n),
    heading: new Float32Array(n),
    fixTime: new Float64Array(n),
    status: Uint8Array.from(status),
  })
  return cols
}

/** A worker that answers with the real answerer when told to, as the browser's would. */
class FakeWorker implements ClusterWorkerPort {
  onmessage: ((event: MessageEvent<ClusterReply>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror: ((event: MessageEvent) => void) | null = null
  readonly sent: ClusterRequest[] = []
  terminated = false
  private readonly answerer = new ClusterAnswerer()

  postMessage(message: ClusterRequest, options: { transfer: Transferable[] }): void {
    // Transferred buffers are the request's own, so the main thread keeps no view of them.
    if (message.points) expect(options.transfer).toContain(message.points.lng.buffer)
    this.sent.push(message)
  }
  terminate(): void {
    this.terminated = true
  }
  /** Answers the oldest request not answered yet. */
  reply(): void {
    const request = this.sent.shift()
    if (!request) throw new Error('nothing to answer')
    this.onmessage?.({ data: this.answerer.answer(request) } as MessageEvent<ClusterReply>)
  }
  crash(): void {
    this.onerror?.({} as ErrorEvent)
  }
}

function clustersOf(snapshot: { count: number; size: Uint32Array; slot: Int32Array; live: Uint32Array }) {
  return Array.from({ length: snapshot.count }, (_, i) => ({
    size: snapshot.size[i],
    live: snapshot.live[i],
    slot: snapshot.slot[i],
  })).sort((a, b) => (b.size ?? 0) - (a.size ?? 0))
}

describe('cluster snapshot', () => {
  it('collects drawable vehicles only, with their live flag', () => {
    const points = collectPoints(fleet())
    expect(Array.from(points.slot)).toEqual([0, 1, 2, 3, 4, 6])
    expect(Array.from(points.live)).toEqual([1, 1, 0, 0, 0, 1])
  })

  it('clusters with counts, live share, expansion zoom, and keeps lone vehicles as slots', () => {
    const reply = new ClusterAnswerer().answer({ id: 1, zoom: 5, points: collectPoints(fleet()) })
    if (!('snapshot' in reply)) throw new Error(reply.error)
    const snap = reply.snapshot
    expect(clustersOf(snap)).toEqual([
      { size: 3, live: 2, slot: -1 },
      { size: 2, live: 0, slot: -1 },
      { size: 1, live: 1, slot: 6 },
    ])
    for (let i = 0; i < snap.count; i++) {
      if ((snap.slot[i] ?? 0) < 0) expect(snap.expansion[i]).toBeGreaterThan(5)
    }
  })

  it('answers another zoom from the tree it has, and says so when it has none', () => {
    const answerer = new ClusterAnswerer()
    expect(answerer.answer({ id: 1, zoom: 5 })).toEqual({ id: 1, error: 'No vehicles sent yet' })
    answerer.answer({ id: 2, zoom: 5, points: collectPoints(fleet()) })
    const reply = answerer.answer({ id: 3, zoom: 0 })
    expect('snapshot' in reply && reply.snapshot.zoom).toBe(0)
  })

  it('abbreviates counts as the clusters always did', () => {
    expect([999, 1234, 45_678].map(abbreviateCount)).toEqual(['999', '1.2k', '46k'])
  })
})

describe('ClusterIndex', () => {
  it('draws nothing until the worker answers, then its clusters, and repaints on the reply', () => {
    const worker = new FakeWorker()
    const onUpdate = vi.fn()
    const index = new ClusterIndex(onUpdate, () => worker)
    const cols = fleet()
    expect(index.current(cols, 1, 5.4, 0).count).toBe(0)
    expect(worker.sent).toHaveLength(1)
    expect(worker.sent[0]?.zoom).toBe(5)
    // One request at a time: a second frame before the reply asks nothing more.
    index.current(cols, 1, 5.4, 1)
    expect(worker.sent).toHaveLength(1)
    worker.reply()
    expect(onUpdate).toHaveBeenCalledTimes(1)
    expect(index.current(cols, 1, 5.4, 2).count).toBe(3)
    expect(worker.sent).toHaveLength(0)
  })

  it('asks a new zoom without resending vehicles, and new data no sooner than the rebuild interval', () => {
    vi.useFakeTimers()
    try {
      const worker = new FakeWorker()
      const onUpdate = vi.fn()
      const index = new ClusterIndex(onUpdate, () => worker)
      const cols = fleet()
      index.current(cols, 1, 5, 0)
      worker.reply()
      index.current(cols, 1, 3, 10)
      expect(worker.sent[0]?.points).toBeUndefined()
      worker.reply()
      index.current(cols, 2, 3, 100)
      expect(worker.sent).toHaveLength(0)
      vi.advanceTimersByTime(500)
      expect(onUpdate).toHaveBeenCalledTimes(3)
      index.current(cols, 2, 3, 600)
      expect(worker.sent[0]?.points?.slot).toHaveLength(6)
    } finally {
      vi.useRealTimers()
    }
  })

  it('falls back to building on the main thread when the worker crashes or cannot start', () => {
    const worker = new FakeWorker()
    const onUpdate = vi.fn()
    const index = new ClusterIndex(onUpdate, () => worker)
    const cols = fleet()
    index.current(cols, 1, 5, 0)
    worker.crash()
    expect(worker.terminated).toBe(true)
    expect(onUpdate).toHaveBeenCalled()
    expect(index.current(cols, 1, 5, 1).count).toBe(3)

    const noWorker = new ClusterIndex(vi.fn(), () => {
      throw new Error('Workers are not allowed here')
    })
    expect(clustersOf(noWorker.current(cols, 1, 5, 0))[0]).toEqual({ size: 3, live: 2, slot: -1 })
  })

  it('drops a reply meant for the columns before a reset', () => {
    const worker = new FakeWorker()
    const index = new ClusterIndex(vi.fn(), () => worker)
    const cols = fleet()
    index.current(cols, 1, 5, 0)
    index.reset()
    worker.reply()
    const other = createColumns()
    expect(index.current(other, 1, 5, 1).count).toBe(0)
    expect(worker.sent[0]?.points?.slot).toHaveLength(0)
  })
})
