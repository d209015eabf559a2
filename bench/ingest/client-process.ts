import { createPrivateKey } from 'node:crypto'
import http from 'node:http'
import { monoMs } from '../lib/stats'
import { signedPost } from './bench-events'
import type { SignedPost } from './bench-events'
import type { ClientJob, ClientMessage } from './client-protocol'

/**
 * A webhook sender in its own process (the other core), so the listener's event loop is measured
 * alone. Every body is signed before the clock starts: the sender's ed25519 cost is not the listener's.
 */
function reply(message: ClientMessage): void {
  process.send?.(message)
}

function post(agent: http.Agent, job: ClientJob, signed: SignedPost): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port: job.port,
      path: job.path,
      method: 'POST',
      agent,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': signed.body.length,
        'X-Tagora-Signature': signed.signature,
      },
    })
    req.on('error', () => resolve(false))
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode === 200))
    })
    req.end(signed.body)
  })
}

async function run(job: ClientJob, posts: SignedPost[]): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency })
  const starts = new Array<number>(posts.length).fill(Number.NaN)
  let next = 0
  let failed = 0
  const firstStart = monoMs()
  const lane = async (): Promise<void> => {
    for (let i = next++; i < posts.length; i = next++) {
      if (job.postsPerSecond) {
        const due = firstStart + (i * 1000) / job.postsPerSecond
        const wait = due - monoMs()
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
      }
      starts[i] = monoMs()
      if (!(await post(agent, job, posts[i]!))) failed++
    }
  }
  await Promise.all(Array.from({ length: job.concurrency }, lane))
  const lastEnd = monoMs()
  agent.destroy()
  reply({ t: 'done', starts, failed, firstStart, lastEnd })
}

let prepared: { job: ClientJob; posts: SignedPost[] } | null = null

process.on('message', (message: { t: 'job'; job: ClientJob } | { t: 'go' }) => {
  if (message.t === 'job') {
    const { job } = message
    const key = createPrivateKey(job.privateKeyPem)
    const t = monoMs()
    const posts: SignedPost[] = []
    for (let i = 0; i < job.posts; i++) posts.push(signedPost(job.firstPost + i, job.perPost, job.space, key))
    prepared = { job, posts }
    reply({ t: 'ready', signMs: monoMs() - t })
  } else if (prepared) {
    const { job, posts } = prepared
    prepared = null
    void run(job, posts).then(() => process.disconnect())
  }
})
