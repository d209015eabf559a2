import { generateKeyPairSync } from 'node:crypto'
import type { Server } from 'node:http'
import { BATCH_INTERVAL_MS, createBatchPump } from '../../core/telemetry/batch-pump'
import type { KeySpace } from '../ingest/bench-events'
import { prepareClient } from '../ingest/client-runner'
import { startIngestTarget, WEBHOOK_PATH } from '../ingest/ingest-target'
import { round, spread } from '../lib/stats'
import type { Spread } from '../lib/stats'
import type { PageDriver } from '../map/page-driver'
import { attachBatchWire, WIRE_PATH } from './wire-server'

/**
 * POST → drawn on the map, composed from the app's own parts: the real listener and store, the real
 * batch pump (its default beat, as TelemetryPipeline uses it), the browser host's wire codec over a
 * loopback WebSocket, and in Chromium the real telemetry slice and AssetCanvasLayer. The built web
 * host's --demo is not used: its simulator signs with keys the bench does not hold and its own fleet
 * would share the pipe. "Drawn" is the first animation frame callback after the layer's repaint,
 * reported back over the socket, so every time is read from one monotonic clock (the ack's loopback
 * hop, well under a millisecond, is included).
 */
export interface E2eOptions {
  assets: number
  eventsPerPost: number
  seconds: number
  warmupSeconds: number
  zoom: number
}

export interface E2eResult {
  load: string
  events: number
  /** Events whose batch was not drawn within 5 s of the last POST's answer. */
  lost: number
  postToDrawnMs: Spread
  /** The same events up to the moment their batch left main (store + pump beat + encode). */
  postToBatchSentMs: Spread
  batches: number
}

export async function runE2e(
  server: Server,
  origin: string,
  page: PageDriver,
  o: E2eOptions,
): Promise<E2eResult> {
  const space: KeySpace = { assets: o.assets, baseTime: Date.now() - 60_000 }
  const postsPerSecond = o.assets / o.eventsPerPost
  const warmupPosts = Math.round(postsPerSecond * o.warmupSeconds)
  const posts = warmupPosts + Math.round(postsPerSecond * o.seconds)
  const maxEvents = posts * o.eventsPerPost
  const batchOf = new Int32Array(maxEvents).fill(-1)
  const wire = attachBatchWire(server)
  const pair = generateKeyPairSync('ed25519')
  const target = await startIngestTarget(space, maxEvents, pair.publicKey, (k) => {
    if (batchOf[k] === -1) batchOf[k] = wire.sentAt.length
  })
  const pump = createBatchPump({
    store: target.store,
    intervalMs: BATCH_INTERVAL_MS,
    send: (batch) => wire.send(batch),
  })
  try {
    await page.connect(origin.replace('http', 'ws') + WIRE_PATH, o.zoom)
    await wire.connected
    pump.start()
    const client = await prepareClient({
      port: target.port,
      path: WEBHOOK_PATH,
      perPost: o.eventsPerPost,
      firstPost: 0,
      posts,
      concurrency: 8,
      space,
      privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      postsPerSecond,
    })
    const done = await client.go()
    // The last events reach the page one pump beat after their POST: wait for them, not for the POSTs.
    const first = warmupPosts * o.eventsPerPost
    const allDrawn = (): boolean => {
      for (let k = first; k < maxEvents; k++) {
        const batch = batchOf[k]!
        if (batch < 0 || wire.drawnAt[batch] === undefined) return false
      }
      return true
    }
    const deadline = Date.now() + 5000
    while (!allDrawn() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    const toDrawn: number[] = []
    const toSent: number[] = []
    let lost = 0
    for (let k = first; k < maxEvents; k++) {
      const batch = batchOf[k]!
      const drawn = batch < 0 ? undefined : wire.drawnAt[batch]
      const start = done.starts[Math.floor(k / o.eventsPerPost)]!
      if (drawn === undefined) {
        lost++
        continue
      }
      toDrawn.push(drawn - start)
      toSent.push(wire.sentAt[batch]! - start)
    }
    return {
      load: `${o.assets} assets at 1 Hz, ${o.eventsPerPost} events/POST (${round(postsPerSecond, 1)} POST/s) for ${o.seconds} s after ${o.warmupSeconds} s warm-up, map at zoom ${o.zoom}`,
      events: maxEvents - first,
      lost,
      postToDrawnMs: spread(toDrawn),
      postToBatchSentMs: spread(toSent),
      batches: wire.sentAt.length,
    }
  } finally {
    pump.stop()
    wire.close()
    await target.stop()
  }
}
