import Supercluster from 'supercluster'
import type { PointFeature } from 'supercluster'
import { codeFromStatus } from '../../../../shared/domain/telemetry'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import { isDrawable } from '../../store/telemetry-columns'

/** Below this zoom assets are clustered; from it on each one is drawn. */
export const CLUSTER_BELOW_ZOOM = 11

/** The drawable vehicles as flat typed arrays: cheap to collect and transferable to the worker. */
export interface ClusterPoints {
  lng: Float64Array
  lat: Float64Array
  slot: Int32Array
  /** 1 when the vehicle reports live. */
  live: Uint8Array
}

/**
 * Clusters and lone vehicles of one integer zoom over the whole world, as typed arrays: positions
 * in lat/lng so a pan only moves them on screen, and each cluster's expansion zoom computed with
 * it so a click needs no round trip.
 */
export interface ClusterSnapshot {
  zoom: number
  count: number
  lng: Float64Array
  lat: Float64Array
  /** Vehicles in the cluster; 1 for a lone vehicle. */
  size: Uint32Array
  live: Uint32Array
  /** The slot of a lone vehicle; -1 for a cluster. */
  slot: Int32Array
  /** Zoom at which a cluster splits; 0 for a lone vehicle. */
  expansion: Uint8Array
}

interface PointProps {
  slot: number
  live: number
}
interface ClusterProps {
  live: number
}
export type ClusterTree = Supercluster<PointProps, ClusterProps>

const LIVE = codeFromStatus('live')
const WORLD: [number, number, number, number] = [-180, -85, 180, 85]

export function collectPoints(cols: TelemetryColumns): ClusterPoints {
  // Two passes over typed arrays, no array of objects: this part runs on the main thread.
  let n = 0
  for (let slot = 0; slot < cols.size; slot++) if (isDrawable(cols, slot)) n++
  const points: ClusterPoints = {
    lng: new Float64Array(n),
    lat: new Float64Array(n),
    slot: new Int32Array(n),
    live: new Uint8Array(n),
  }
  let i = 0
  for (let slot = 0; slot < cols.size; slot++) {
    if (!isDrawable(cols, slot)) continue
    points.lng[i] = cols.lng[slot] ?? 0
    points.lat[i] = cols.lat[slot] ?? 0
    points.slot[i] = slot
    points.live[i] = cols.status[slot] === LIVE ? 1 : 0
    i++
  }
  return points
}

export function buildTree(points: ClusterPoints): ClusterTree {
  const features: PointFeature<PointProps>[] = []
  for (let i = 0; i < points.slot.length; i++) {
    features.push({
      type: 'Feature',
      properties: { slot: points.slot[i] ?? -1, live: points.live[i] ?? 0 },
      geometry: { type: 'Point', coordinates: [points.lng[i] ?? 0, points.lat[i] ?? 0] },
    })
  }
  const tree = new Supercluster<PointProps, ClusterProps>({
    radius: 60,
    maxZoom: CLUSTER_BELOW_ZOOM - 1,
    map: (p) => ({ live: p.live }),
    reduce: (acc, p) => {
      acc.live += p.live
    },
  })
  return tree.load(features)
}

export function snapshotAt(tree: ClusterTree, zoom: number): ClusterSnapshot {
  const features = tree.getClusters(WORLD, zoom)
  const n = features.length
  const snap: ClusterSnapshot = {
    zoom,
    count: n,
    lng: new Float64Array(n),
    lat: new Float64Array(n),
    size: new Uint32Array(n),
    live: new Uint32Array(n),
    slot: new Int32Array(n),
    expansion: new Uint8Array(n),
  }
  features.forEach((feature, i) => {
    const [lng = 0, lat = 0] = feature.geometry.coordinates
    snap.lng[i] = lng
    snap.lat[i] = lat
    const props = feature.properties
    if ('cluster' in props) {
      snap.size[i] = props.point_count
      snap.live[i] = props.live
      snap.slot[i] = -1
      snap.expansion[i] = tree.getClusterExpansionZoom(props.cluster_id)
    } else {
      snap.size[i] = 1
      snap.live[i] = props.live
      snap.slot[i] = props.slot
    }
  })
  return snap
}

/** Nothing to draw yet (the first clusters are on their way): better a frame of none than 50k squares. */
export function emptySnapshot(zoom: number): ClusterSnapshot {
  return {
    zoom,
    count: 0,
    lng: new Float64Array(0),
    lat: new Float64Array(0),
    size: new Uint32Array(0),
    live: new Uint32Array(0),
    slot: new Int32Array(0),
    expansion: new Uint8Array(0),
  }
}

/** The label of a cluster, as Supercluster abbreviates it (12.3k, 45k). */
export function abbreviateCount(count: number): string {
  if (count >= 10_000) return `${Math.round(count / 1000)}k`
  if (count >= 1000) return `${Math.round(count / 100) / 10}k`
  return String(count)
}

/** The buffers of a snapshot or point set, handed over rather than copied. */
export function buffersOf(arrays: object): ArrayBuffer[] {
  return (Object.values(arrays) as unknown[]).flatMap((value) =>
    ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer ? [value.buffer] : [],
  )
}
