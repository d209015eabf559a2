import { generateKeyPairSync, sign } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Logger } from '../logging/logger'
import { SignatureWorker } from './signature-worker'

const pair = generateKeyPairSync('ed25519')
const other = generateKeyPairSync('ed25519')
const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
const bodies = Array.from({ length: 40 }, (_, i) => Buffer.from(`{"assetId":"a${i}","lat":1,"lng":2}`))
/** Even bodies are signed by `pair`, odd ones by `other`; every fifth signature belongs to another body. */
const headers = bodies.map((body, i) => {
  const signed = i % 5 === 4 ? bodies[(i + 1) % bodies.length]! : body
  return sign(null, signed, (i % 2 ? other : pair).privateKey).toString('base64')
})
const expected = (keys: 'pair' | 'both') =>
  bodies.map((_, i) => i % 5 !== 4 && (keys === 'both' || i % 2 === 0))

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  const ignore = () => undefined
  return { warnings, debug: ignore, info: ignore, error: ignore, warn: (message) => warnings.push(message) }
}

const workers: SignatureWorker[] = []
function create(source?: string) {
  const logger = recordingLogger()
  const worker = new SignatureWorker(logger, source)
  workers.push(worker)
  return { worker, logger }
}
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()))
})

describe('SignatureWorker', () => {
  it('checks a batch that arrived together, each body against its own signature', async () => {
    const { worker } = create()
    // Twice: the second batch relies on the key list the worker kept from the first.
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(
        bodies.map((body, i) => worker.verify(body, headers[i]!, [pair.publicKey])),
      )
      expect(results).toEqual(expected('pair'))
    }
  })

  it('accepts under any active key, skips keys of another algorithm, follows a changed key list', async () => {
    const { worker } = create()
    const both = [rsa.publicKey, pair.publicKey, other.publicKey]
    // The key list changes in the middle of one turn: the batch is split where it changes.
    const mixed = await Promise.all(
      bodies.map((body, i) => worker.verify(body, headers[i]!, i < 20 ? both : [pair.publicKey])),
    )
    expect(mixed).toEqual(expected('both').map((ok, i) => (i < 20 ? ok : expected('pair')[i])))
    expect(await worker.verify(bodies[0]!, headers[0]!, [rsa.publicKey])).toBe(false)
    expect(await worker.verify(bodies[0]!, headers[0]!, [])).toBe(false)
  })

  it('refuses headers that are no signature without asking the thread', async () => {
    const { worker } = create()
    expect(await worker.verify(bodies[0]!, '', [pair.publicKey])).toBe(false)
    expect(await worker.verify(bodies[0]!, 'sha256=abc', [pair.publicKey])).toBe(false)
    const tampered = Buffer.from(bodies[0]!)
    tampered[3] = 0x62
    expect(await worker.verify(tampered, headers[0]!, [pair.publicKey])).toBe(false)
  })

  it('checks on the pool what a dying worker held, and stops restarting it after three deaths', async () => {
    // A worker that exits at its first message: every batch it was sent is lost with it.
    const { worker, logger } = create(
      `require('node:worker_threads').parentPort.on('message', () => process.exit(7))`,
    )
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        bodies.map((body, i) => worker.verify(body, headers[i]!, [pair.publicKey, other.publicKey])),
      )
      expect(results).toEqual(expected('both'))
    }
    expect(logger.warnings).toHaveLength(3)
  })

  it('answers bodies that waited behind a dying worker, arriving one turn at a time', async () => {
    const { worker, logger } = create(
      `require('node:worker_threads').parentPort.on('message', () => process.exit(7))`,
    )
    const pending: Promise<boolean>[] = []
    for (const [i, body] of bodies.entries()) {
      pending.push(worker.verify(body, headers[i]!, [pair.publicKey]))
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await Promise.all(pending)).toEqual(expected('pair'))
    expect(logger.warnings.length).toBeGreaterThan(0)
  })

  it('still answers what was queued when it is stopped, and starts again after', async () => {
    const { worker } = create()
    const pending = bodies.map((body, i) => worker.verify(body, headers[i]!, [pair.publicKey]))
    await worker.stop()
    expect(await Promise.all(pending)).toEqual(expected('pair'))
    expect(await worker.verify(bodies[0]!, headers[0]!, [pair.publicKey])).toBe(true)
  })
})
