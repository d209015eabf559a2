import { generateKeyPairSync } from 'node:crypto'
import { round, spread } from '../lib/stats'
import { cpuSeconds } from '../relay/process-cpu'
import type { Spread } from '../lib/stats'
import type { KeySpace } from './bench-events'
import { prepareClient } from './client-runner'
import { startIngestTarget, WEBHOOK_PATH } from './ingest-target'
import type { IngestTarget, IngestTargetOptions } from './ingest-target'

export interface IngestMode {
  eventsPerPost: number
  posts: number
  warmupPosts: number
  concurrency: number
}

export interface IngestResult {
  eventsPerPost: number
  concurrentClients: number
  posts: number
  events: number
  seconds: number
  postsPerSecond: number
  eventsPerSecond: number
  /** Events sent whose (assetId, fixTime) never reached the store. */
  lost: number
  /** Events that reached the store more than once. */
  duplicated: number
  /** POSTs not answered 200. */
  failedPosts: number
  /** The store's own ApplyResult sums over the measured run (applied + outOfOrder must equal events). */
  storeCounts: { applied: number; outOfOrder: number; duplicates: number }
  /** From the start of the POST (client side) to the store apply of its event, ms. */
  postToStoreMs: Spread
  /**
   * CPU time per POST (user + system, µs): the listener's process (its thread, the thread pool's
   * signature checks, the history worker when on, the bench's own bookkeeping of each apply), its
   * event-loop thread alone, and the sender's. Other load on the machine moves these far less than
   * POST/s (only through shared caches), so they judge a change where POST/s cannot.
   */
  cpuMicrosPerPost: { listener: number; listenerThread: number; sender: number }
  /** History on: fixes the file holds after the run, and how many the store accepted (must match). */
  history?: { stored: number; accepted: number }
}

const SPACE: KeySpace = { assets: 10_000, baseTime: Date.now() - 60_000 }

/** Waits until every event reached the store (delivery is one setImmediate after the reply), or 2 s. */
async function settle(target: IngestTarget, from: number, to: number): Promise<void> {
  const deadline = Date.now() + 2000
  while (Date.now() < deadline) {
    let missing = false
    for (let k = from; k < to && !missing; k++) missing = target.seen[k] === 0
    if (!missing) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function runPhase(
  target: IngestTarget,
  mode: IngestMode,
  firstPost: number,
  posts: number,
  privateKeyPem: string,
) {
  const client = await prepareClient({
    port: target.port,
    path: WEBHOOK_PATH,
    perPost: mode.eventsPerPost,
    firstPost,
    posts,
    concurrency: mode.concurrency,
    space: SPACE,
    privateKeyPem,
  })
  const before = { ...target.totals }
  const cpuBefore = process.cpuUsage()
  const threadBefore = cpuSeconds(process.pid, process.pid)
  const done = await client.go()
  const from = firstPost * mode.eventsPerPost
  const to = (firstPost + posts) * mode.eventsPerPost
  await settle(target, from, to)
  const cpu = process.cpuUsage(cpuBefore)
  const threadMicros = (cpuSeconds(process.pid, process.pid) - threadBefore) * 1e6
  return { done, before, from, to, listenerCpuMicros: cpu.user + cpu.system, threadMicros }
}

/** Sustained signed POSTs through the real listener into the real store, in one mode. */
export async function runIngest(mode: IngestMode, options: IngestTargetOptions = {}): Promise<IngestResult> {
  const pair = generateKeyPairSync('ed25519')
  const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const totalEvents = (mode.warmupPosts + mode.posts) * mode.eventsPerPost
  const target = await startIngestTarget(SPACE, totalEvents, pair.publicKey, undefined, options)
  try {
    // Warm-up: JIT, socket pool and the store's first slots, on events the measurement never counts.
    await runPhase(target, mode, 0, mode.warmupPosts, pem)
    const { done, before, from, to, listenerCpuMicros, threadMicros } = await runPhase(
      target,
      mode,
      mode.warmupPosts,
      mode.posts,
      pem,
    )
    let lost = 0
    let duplicated = 0
    let lastApply = done.firstStart
    const latencies: number[] = []
    for (let k = from; k < to; k++) {
      const seen = target.seen[k] ?? 0
      if (seen === 0) {
        lost++
        continue
      }
      if (seen > 1) duplicated += seen - 1
      const at = target.applyAt[k]!
      const start = done.starts[Math.floor(k / mode.eventsPerPost) - mode.warmupPosts]!
      latencies.push(at - start)
      if (at > lastApply) lastApply = at
    }
    const seconds = (lastApply - done.firstStart) / 1000
    const events = to - from
    const stored = await target.historyStored()
    return {
      ...(stored !== null && {
        history: { stored, accepted: target.totals.applied + target.totals.outOfOrder },
      }),
      eventsPerPost: mode.eventsPerPost,
      concurrentClients: mode.concurrency,
      posts: mode.posts,
      events,
      seconds: round(seconds, 3),
      postsPerSecond: Math.round(mode.posts / seconds),
      eventsPerSecond: Math.round(events / seconds),
      lost,
      duplicated,
      failedPosts: done.failed,
      storeCounts: {
        applied: target.totals.applied - before.applied,
        outOfOrder: target.totals.outOfOrder - before.outOfOrder,
        duplicates: target.totals.duplicates - before.duplicates,
      },
      postToStoreMs: spread(latencies),
      cpuMicrosPerPost: {
        listener: Math.round(listenerCpuMicros / mode.posts),
        listenerThread: Math.round(threadMicros / mode.posts),
        sender: Math.round(done.cpuMicros / mode.posts),
      },
    }
  } finally {
    await target.stop()
  }
}
