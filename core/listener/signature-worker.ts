import type { KeyObject } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import type { Logger } from '../logging/logger'
import { decodeSignature, verifyDecoded } from './signature'

/**
 * The worker's whole program: verify each body of a batch against the keys last sent, answering
 * each as soon as it is checked (1: signed by one of them), so the listener's thread parses the
 * first body of a batch while the worker checks the next. Plain CommonJS in a string, so every host (Electron's
 * bundle, the relay, tsx in tests and benches) starts it the same way, with nothing to bundle.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { verify } = require('node:crypto')
let keys = []
parentPort.on('message', (batch) => {
  if (batch.keys) keys = batch.keys
  for (let i = 0; i < batch.bodies.length; i++) {
    let valid = 0
    for (const key of keys) {
      try {
        if (verify(null, batch.bodies[i], key, batch.signatures[i])) { valid = 1; break }
      } catch {
        // A key of another type (not ed25519) cannot verify this signature; try the next one.
      }
    }
    parentPort.postMessage(valid)
  }
})
`

/**
 * Batches sent and not answered yet, at most: while the worker checks one and holds the next, what
 * arrives waits and goes over as one batch. Fewer, larger messages under load (measured against no
 * limit, alternating in one run: listener process 111-124 vs 124-142 µs/POST); with two, the worker
 * never waits for the listener's thread between batches.
 */
const MAX_IN_FLIGHT = 2

/** After this many crashes the worker is not started again: libuv's pool checks every signature. */
const MAX_CRASHES = 3

interface Pending {
  body: Buffer
  signature: Buffer
  keys: readonly KeyObject[]
  resolve(valid: boolean): void
}

/**
 * ed25519 checks on one worker thread, in batches: the signatures of every body that arrived in the
 * same turn of the event loop go over in one message, and each answer comes back as soon as it is
 * known (whole-batch answers made a batch's POSTs move in lockstep, the listener's thread idle while
 * the worker checked). Handing each POST to libuv's pool instead costs a thread wake-up per POST; on
 * a busy 2-core machine the woken thread often takes the listener's core at once, so the listener
 * waits out the whole check anyway (the call took 80 µs of wall time for 4 µs of CPU). Measured
 * against the pool on a shared 2-core box: the listener's thread busy in 34% of the profile's samples
 * instead of 49%; 50 events/POST 2,291–3,342 vs 1,872–2,831 POST/s alternating in one run; at 1
 * event/POST, POST/s and CPU per POST within the machine's noise (five alternations at load 4: medians
 * 8,839 vs 9,150), the p99 mostly lower. If the worker cannot start or dies, the bodies it held are
 * checked on the pool: nothing goes unverified, and no good delivery is refused for the worker's sake.
 */
export class SignatureWorker {
  private worker: Worker | null = null
  private crashes = 0
  private queue: Pending[] = []
  /** Sent batches not answered yet, oldest first (the worker answers in order). */
  private readonly inFlight: Pending[][] = []
  /** Answers received for the oldest batch in flight. */
  private answered = 0
  private flushScheduled = false
  /** The key list the worker holds; compared by identity of each KeyObject. */
  private sentKeys: readonly KeyObject[] = []

  constructor(
    private readonly logger: Logger,
    /** The worker's program; tests pass one that dies, to see every body still checked. */
    private readonly source: string = WORKER_SOURCE,
  ) {}

  /** A Verifier (listener-types.ts) for the listener. */
  readonly verify = (rawBody: Buffer, header: string, keys: readonly KeyObject[]): Promise<boolean> => {
    const signature = decodeSignature(header)
    if (!signature || keys.length === 0) return Promise.resolve(false)
    return new Promise((resolve) => {
      this.queue.push({ body: rawBody, signature, keys, resolve })
      if (!this.flushScheduled && this.inFlight.length < MAX_IN_FLIGHT) {
        this.flushScheduled = true
        setImmediate(this.flush)
      }
    })
  }

  /**
   * Ends the worker; whatever it still held or had not sent yet is checked on the pool. A later
   * check starts a new one (the listener may be started again).
   */
  async stop(): Promise<void> {
    const worker = this.worker
    this.worker = null
    const unsent = this.queue.splice(0)
    if (unsent.length > 0) this.onPool(unsent)
    if (worker) await worker.terminate()
    this.failOver()
  }

  private readonly flush = (): void => {
    this.flushScheduled = false
    if (this.inFlight.length >= MAX_IN_FLIGHT) return
    const batch = this.queue
    this.queue = []
    if (batch.length === 0) return
    const worker = this.worker ?? this.start()
    if (!worker) return this.onPool(batch)
    // One key list per message: a batch whose bodies saw different lists (a webhook added in between)
    // is split where the list changes.
    let from = 0
    for (let i = 1; i <= batch.length; i++) {
      if (i < batch.length && sameKeys(batch[i]!.keys, batch[from]!.keys)) continue
      this.send(worker, batch.slice(from, i))
      from = i
    }
  }

  private send(worker: Worker, batch: Pending[]): void {
    const keys = batch[0]!.keys
    const changed = !sameKeys(keys, this.sentKeys)
    this.sentKeys = keys
    this.inFlight.push(batch)
    worker.postMessage({
      ...(changed && { keys }),
      bodies: batch.map((p) => p.body),
      signatures: batch.map((p) => p.signature),
    })
  }

  private start(): Worker | null {
    if (this.crashes >= MAX_CRASHES) return null
    try {
      const worker = new Worker(this.source, { eval: true })
      // The listener's server keeps the process alive while it matters; this thread never should.
      worker.unref()
      worker.on('message', (valid: number) => this.onAnswer(valid === 1))
      worker.on('error', (error) => this.onCrash(worker, error))
      worker.on('exit', (code) => this.onCrash(worker, new Error(`exited with code ${code}`)))
      this.worker = worker
      this.sentKeys = []
      this.answered = 0
      return worker
    } catch (error) {
      this.onCrash(null, error)
      return null
    }
  }

  /** The worker answers in the order it was sent: the next body of the oldest batch. */
  private onAnswer(valid: boolean): void {
    const batch = this.inFlight[0]
    if (!batch) return
    batch[this.answered++]!.resolve(valid)
    if (this.answered < batch.length) return
    this.inFlight.shift()
    this.answered = 0
    // What queued meanwhile goes over as one batch.
    if (this.queue.length > 0 && !this.flushScheduled) this.flush()
  }

  private onCrash(worker: Worker | null, error: unknown): void {
    // 'exit' follows 'error', and stop() ends the worker on purpose: count each death once.
    if (worker !== this.worker) return
    this.worker = null
    this.crashes++
    this.logger.warn('signature worker stopped; checking signatures on the thread pool', {
      error: String(error),
      crashes: this.crashes,
    })
    this.failOver()
  }

  /** Bodies sent to a worker that is gone are checked again on the pool. */
  private failOver(): void {
    const held = this.inFlight.splice(0).flat().slice(this.answered)
    this.answered = 0
    if (held.length > 0) this.onPool(held)
    // Bodies that waited for room behind those go to the next worker, or the pool after three deaths.
    if (this.queue.length > 0 && !this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(this.flush)
    }
  }

  private onPool(batch: Pending[]): void {
    for (const pending of batch) {
      verifyDecoded(pending.body, pending.signature, pending.keys).then(
        (valid) => pending.resolve(valid),
        () => pending.resolve(false),
      )
    }
  }
}

/** The same KeyObjects in the same order (the key list is read afresh for every request). */
function sameKeys(a: readonly KeyObject[], b: readonly KeyObject[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i])
}
