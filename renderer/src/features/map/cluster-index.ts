import Supercluster from 'supercluster'
import type { ClusterFeature, PointFeature } from 'supercluster'
import { codeFromStatus } from '../../../../shared/domain/telemetry'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import { isDrawable } from '../../store/telemetry-columns'

/** Below this zoom assets are clustered; from it on each one is drawn. */
export const CLUSTER_BELOW_ZOOM = 11
export const REBUILD_INTERVAL_MS = 500
/**
 * A rebuild may take at most this share of the time between rebuilds: 50k vehicles cost ~130 ms in
 * software here, one long frame each time, so they rebuild every ~2.6 s rather than every 0.5 s.
 * Zoomed out that far a vehicle moves a pixel or two in that time; the clusters' counts lag as long.
 */
const REBUILD_SHARE = 0.05

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
 * otherwise after the remaining delay (returned in ms) so bursts of batches cost one rebuild. The
 * wait grows with what the last build cost (`lastBuildMs`), so rebuilding never takes more than
 * REBUILD_SHARE of the main thread.
 */
export function rebuildDelay(
  builtVersion: number,
  version: number,
  lastBuildAt: number,
  now: number,
  lastBuildMs = 0,
): number | null {
  if (builtVersion === version) return null
  const interval = Math.max(REBUILD_INTERVAL_MS, lastBuildMs / REBUILD_SHARE)
  return Math.max(0, lastBuildAt + interval - now)
}

export class ClusterIndex {
  private index: Supercluster<PointProps, ClusterProps> | null = null
  private builtVersion = -1
  private lastBuildAt = Number.NEGATIVE_INFINITY
  private lastBuildMs = 0

  /** The index for `version`, or a slightly stale one plus how long until a rebuild is allowed. */
  get(
    cols: TelemetryColumns,
    version: number,
    now: number,
  ): { index: Supercluster<PointProps, ClusterProps>; retryInMs: number | null } {
    const delay = rebuildDelay(this.builtVersion, version, this.lastBuildAt, now, this.lastBuildMs)
    if (this.index === null || delay === 0) {
      this.index = build(cols)
      this.builtVersion = version
      this.lastBuildAt = now
      this.lastBuildMs = performance.now() - now
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
