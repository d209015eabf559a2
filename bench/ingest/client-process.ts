import { createPrivateKey } from 'node:crypto'
import { monoMs } from '../lib/stats'
import { signedPost } from './bench-events'
import type { ClientJob, ClientMessage } from './client-protocol'
import { buildRequest, RawHttpLane } from './raw-http-lane'

/**
 * A webhook sender in its own process (the other core), so the listener's event loop is measured
 * alone. Every request is signed and built before the clock starts, and sent on raw keep-alive
 * sockets (raw-http-lane.ts): the sender's costs are not the listener's.
 */
function reply(message: ClientMessage): void {
  process.send?.(message)
}

async function run(job: ClientJob, requests: Buffer[]): Promise<void> {
  const lanes = await Promise.all(
    Array.from({ length: job.concurrency }, () => RawHttpLane.connect(job.port)),
  )
  const starts = new Array<number>(requests.length).fill(Number.NaN)
  let next = 0
  let failed = 0
  const cpuBefore = process.cpuUsage()
  const firstStart = monoMs()
  const drive = async (lane: RawHttpLane): Promise<void> => {
    for (let i = next++; i < requests.length; i = next++) {
      if (job.postsPerSecond) {
        const due = firstStart + (i * 1000) / job.postsPerSecond
        const wait = due - monoMs()
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
      }
      starts[i] = monoMs()
      if ((await lane.send(requests[i]!)) !== 200) failed++
    }
  }
  await Promise.all(lanes.map(drive))
  const lastEnd = monoMs()
  const cpu = process.cpuUsage(cpuBefore)
  for (const lane of lanes) lane.close()
  reply({ t: 'done', starts, failed, firstStart, lastEnd, cpuMicros: cpu.user + cpu.system })
}

let prepared: { job: ClientJob; requests: Buffer[] } | null = null

process.on('message', (message: { t: 'job'; job: ClientJob } | { t: 'go' }) => {
  if (message.t === 'job') {
    const { job } = message
    const key = createPrivateKey(job.privateKeyPem)
    const t = monoMs()
    const requests: Buffer[] = []
    for (let i = 0; i < job.posts; i++) {
      const signed = signedPost(job.firstPost + i, job.perPost, job.space, key)
      requests.push(buildRequest(job.port, job.path, signed.body, signed.signature))
    }
    prepared = { job, requests }
    reply({ t: 'ready', signMs: monoMs() - t })
  } else if (prepared) {
    const { job, requests } = prepared
    prepared = null
    void run(job, requests).then(() => process.disconnect())
  }
})
