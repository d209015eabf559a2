import type { ClusterPoints, ClusterSnapshot, ClusterTree } from './cluster-snapshot'
import { buildTree, snapshotAt } from './cluster-snapshot'

/** Main thread → cluster worker: new vehicles to cluster (optional) and the zoom to answer for. */
export interface ClusterRequest {
  id: number
  points?: ClusterPoints
  zoom: number
}

/** Cluster worker → main thread: the clusters of that zoom, or why there are none. */
export type ClusterReply = { id: number; snapshot: ClusterSnapshot } | { id: number; error: string }

/**
 * The worker's side, kept apart from the worker's global scope so it can be tested: it keeps the
 * last tree it built and answers every request from it, rebuilding first when points come along.
 */
export class ClusterAnswerer {
  private tree: ClusterTree | null = null

  answer(request: ClusterRequest): ClusterReply {
    try {
      if (request.points) this.tree = buildTree(request.points)
      if (!this.tree) return { id: request.id, error: 'No vehicles sent yet' }
      return { id: request.id, snapshot: snapshotAt(this.tree, request.zoom) }
    } catch (error) {
      return { id: request.id, error: error instanceof Error ? error.message : String(error) }
    }
  }
}
