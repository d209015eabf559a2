// The cluster worker: builds the Supercluster tree of every vehicle off the main thread (~100 ms
// for 50k in software, one long frame each time on the main thread) and answers the current zoom.
import type { ClusterReply, ClusterRequest } from './cluster-protocol'
import { ClusterAnswerer } from './cluster-protocol'
import { buffersOf } from './cluster-snapshot'

interface WorkerScope {
  onmessage: ((event: MessageEvent<ClusterRequest>) => void) | null
  postMessage(message: ClusterReply, options: { transfer: Transferable[] }): void
}

// The renderer's tsconfig types `self` as a window; in this file it is a dedicated worker's scope.
const scope = self as unknown as WorkerScope
const answerer = new ClusterAnswerer()

scope.onmessage = (event) => {
  const reply = answerer.answer(event.data)
  const transfer = 'snapshot' in reply ? buffersOf(reply.snapshot) : []
  scope.postMessage(reply, { transfer })
}
