import { describe, expect, it } from 'vitest'
import { applyBatch, createColumns } from '../../store/telemetry-columns'
import { assetBounds } from './asset-bounds'
import { clusterRadius, DrawnItems, KIND_ASSET, KIND_CLUSTER, nearestHit } from './hit-test'
import { rebuildDelay } from './cluster-index'
import { mercatorX, mercatorY, toScreenX, toScreenY, worldSize } from './mercator'

describe('nearestHit', () => {
  function items(...rows: [number, number, number, number][]): DrawnItems {
    const d = new DrawnItems()
    rows.forEach(([x, y, r, kind], i) => d.push(x, y, r, kind, i))
    return d
  }

  it('finds the nearest asset within the slop', () => {
    const d = items([100, 100, 0, KIND_ASSET], [106, 100, 0, KIND_ASSET])
    expect(nearestHit(d, 104, 100, 10)).toBe(1)
    expect(nearestHit(d, 101, 101, 10)).toBe(0)
  })

  it('misses when nothing is within the slop', () => {
    const d = items([100, 100, 0, KIND_ASSET])
    expect(nearestHit(d, 111, 100, 10)).toBe(-1)
    expect(nearestHit(new DrawnItems(), 0, 0, 10)).toBe(-1)
  })

  it('hits anywhere inside a cluster circle but prefers a single asset nearer its edge', () => {
    const d = items([200, 200, 25, KIND_CLUSTER], [228, 200, 0, KIND_ASSET])
    expect(nearestHit(d, 190, 205, 10)).toBe(0)
    expect(nearestHit(d, 229, 201, 10)).toBe(1)
  })

  it('keeps working past its initial capacity', () => {
    const d = new DrawnItems()
    for (let i = 0; i < 5000; i++) d.push(i, 0, 0, KIND_ASSET, i)
    expect(d.count).toBe(5000)
    expect(d.id[nearestHit(d, 4321.2, 0, 10)]).toBe(4321)
  })

  it('sizes clusters by the log of their count, bounded', () => {
    expect(clusterRadius(1)).toBe(13)
    expect(clusterRadius(100)).toBeGreaterThan(clusterRadius(10))
    expect(clusterRadius(1e9)).toBe(30)
  })
})

describe('rebuildDelay', () => {
  it('skips unchanged data and throttles bursts to one rebuild per 500 ms', () => {
    expect(rebuildDelay(3, 3, 0, 10_000)).toBeNull()
    expect(rebuildDelay(3, 4, 1000, 1600)).toBe(0)
    expect(rebuildDelay(3, 4, 1000, 1200)).toBe(300)
    expect(rebuildDelay(-1, 0, Number.NEGATIVE_INFINITY, 0)).toBe(0)
  })

  it('waits longer after an expensive build, so rebuilding keeps to 5% of the main thread', () => {
    // 130 ms to cluster 50k vehicles: the next rebuild 2.6 s after the last.
    expect(rebuildDelay(3, 4, 1000, 1600, 130)).toBe(2000)
    expect(rebuildDelay(3, 4, 1000, 3600, 130)).toBe(0)
    expect(rebuildDelay(3, 4, 1000, 1200, 10)).toBe(300)
  })
})

describe('mercator', () => {
  it('matches Leaflet EPSG:3857 (SphericalMercator + 0.5/πR transformation)', () => {
    const R = 6378137
    const leafletProject = (lat: number, lng: number, zoom: number) => {
      const x = (R * lng * Math.PI) / 180
      const y = R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))
      const k = 0.5 / (Math.PI * R)
      return { x: worldSize(zoom) * (k * x + 0.5), y: worldSize(zoom) * (-k * y + 0.5) }
    }
    for (const [lat, lng] of [
      [19.4326, -99.1332],
      [25.6866, -100.3161],
      [-33.9, 151.2],
    ] as const) {
      const ref = leafletProject(lat, lng, 10)
      expect(mercatorX(lng) * worldSize(10)).toBeCloseTo(ref.x, 6)
      expect(mercatorY(lat) * worldSize(10)).toBeCloseTo(ref.y, 6)
    }
    expect(mercatorX(-180)).toBe(0)
    expect(mercatorY(0)).toBeCloseTo(0.5)
    expect(mercatorY(90)).toBeGreaterThanOrEqual(0)
  })

  it('places points relative to the viewport origin', () => {
    const scale = worldSize(3)
    const view = {
      originX: mercatorX(-100) * scale,
      originY: mercatorY(20) * scale,
      scale,
      width: 800,
      height: 600,
    }
    expect(toScreenX(view, -100)).toBeCloseTo(0)
    expect(toScreenY(view, 20)).toBeCloseTo(0)
    expect(toScreenX(view, -90)).toBeGreaterThan(0)
    expect(toScreenY(view, 10)).toBeGreaterThan(0)
  })
})

describe('assetBounds', () => {
  it('spans drawable assets only', () => {
    const cols = createColumns()
    applyBatch(cols, {
      newSlots: [],
      slot: Uint32Array.from([0, 1, 2]),
      lat: Float64Array.from([19.4, 25.7, 0]),
      lng: Float64Array.from([-99.1, -100.3, 0]),
      speed: new Float32Array(3),
      heading: new Float32Array(3),
      fixTime: new Float64Array(3),
      status: Uint8Array.from([0, 2, 3]),
    })
    expect(assetBounds(cols)).toEqual([
      [19.4, -100.3],
      [25.7, -99.1],
    ])
    expect(assetBounds(createColumns())).toBeNull()
  })
})
