import Supercluster from 'supercluster'
import type { ClusterFeature, PointFeature } from 'supercluster'
import { codeFromStatus } from '../../../../shared/domain/telemetry'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import { isDrawable } from '../../store/telemetry-columns'

/** Below this zoom assets are clustered; from it on each one is drawn. */
export const CLUSTER_BELOW_ZOOM = 11
export const REBUILD_INTERVAL_MS = 500

export interface PointProps {
  slot: number
}
export interface ClusterProps {
  live: number
}
export type ClusterOrPoint = ClusterFeature<ClusterProps> | PointFeature<PointProps>

const LIVE = codeFromStatus('live')

/**
 * When to rebuild: never if the data did not change, at once if the last build is old enough,
 * otherwise after the remaining delay (returned in ms) so bursts of batches cost one rebuild.
 */
export function rebuildDelay(
  builtVersion: number,
  version: number,
  lastBuildAt: number,
  now: number,
): number | null {
  if (builtVersion === version) return null
  return Math.max(0, lastBuildAt + REBUILD_INTERVAL_MS - now)
}

export class ClusterIndex {
  private index: Supercluster<PointProps, ClusterProps> | null = null
  private builtVersion = -1
  private lastBuildAt = Number.NEGATIVE_INFINITY

  /** The index for `version`, or a slightly stale one plus how long until a rebuild is allowed. */
  get(
    cols: TelemetryColumns,
    version: number,
    now: number,
  ): { index: Supercluster<PointProps, ClusterProps>; retryInMs: number | null } {
    const delay = rebuildDelay(this.builtVersion, version, this.lastBuildAt, now)
    if (this.index === null || delay === 0) {
      this.index = build(cols)
      this.builtVersion = version
      this.lastBuildAt = now
      return { index: this.index, retryInMs: null }
    }
    return { index: this.index, retryInMs: delay }
  }

  /** Zoom at which a drawn cluster splits, or null if the index has moved on since it was drawn. */
  expansionZoom(clusterId: number): number | null {
    try {
      return this.index?.getClusterExpansionZoom(clusterId) ?? null
    } catch {
      return null
    }
  }
}

function build(cols: TelemetryColumns): Supercluster<PointProps, ClusterProps> {
  const points: PointFeature<PointProps>[] = []
  for (let slot = 0; slot < cols.size; slot++) {
    if (!isDrawable(cols, slot)) continue
    points.push({
      type: 'Feature',
      properties: { slot },
      geometry: { type: 'Point', coordinates: [cols.lng[slot] ?? 0, cols.lat[slot] ?? 0] },
    })
  }
  const index = new Supercluster<PointProps, ClusterProps>({
    radius: 60,
    maxZoom: CLUSTER_BELOW_ZOOM - 1,
    map: (p) => ({ live: cols.status[p.slot] === LIVE ? 1 : 0 }),
    reduce: (acc, p) => {
      acc.live += p.live
    },
  })
  return index.load(points)
}
