import { Worker } from 'node:worker_threads'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { AppError } from '../../shared/domain/errors'
import type { Logger } from '../logging/logger'
import type { AppendBatch, FromWorker, HistoryOp, HistoryOps, ToWorker } from './worker-protocol'

/**
 * Which script runs the history worker: the built `history-worker.js` beside the host's entry, or
 * in tests and the bench a bootstrap that compiles the TypeScript source (`workerData` says which).
 */
export interface HistoryWorkerSpec {
  script: string | URL
  workerData?: unknown
}

export interface HistoryClientEvents {
  /** Write `seq` is committed with `fixes` fixes. */
  onAppended(seq: number, fixes: number): void
  onNotice(notice: AppErrorInfo): void
  onProblem(error: AppErrorInfo): void
  /** The worker is gone (crashed, or could not start): every later call fails. */
  onGone(error: AppErrorInfo): void
}

/** How long close() waits for the worker to finish its last write before it is terminated. */
const CLOSE_GRACE_MS = 5_000

/** The main thread's side of the history worker: typed requests, fire-and-forget writes. */
export class HistoryClient {
  private readonly worker: Worker
  private nextId = 1
  private readonly pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: unknown): void }
  >()
  private gone: AppErrorInfo | null = null

  constructor(spec: HistoryWorkerSpec, events: HistoryClientEvents, logger: Logger) {
    this.worker = new Worker(spec.script, { workerData: spec.workerData })
    this.worker.on('message', (message: FromWorker) => {
      switch (message.kind) {
        case 'result': {
          const waiter = this.pending.get(message.id)
          this.pending.delete(message.id)
          if (message.ok) waiter?.resolve(message.value)
          else waiter?.reject(new AppError(message.error))
          return
        }
        case 'appended':
          return events.onAppended(message.seq, message.fixes)
        case 'notice':
          return events.onNotice(message.notice)
        case 'problem':
          logger.warn('history database problem', { code: message.error.code, facts: message.error.facts })
          return events.onProblem(message.error)
      }
    })
    const end = (detail: string): void => {
      if (this.gone) return
      this.gone = { code: 'history-failed', facts: { detail } }
      for (const waiter of this.pending.values()) waiter.reject(new AppError(this.gone))
      this.pending.clear()
      events.onGone(this.gone)
    }
    this.worker.on('error', (error) => {
      logger.error('history worker failed', { error })
      end(error.message)
    })
    this.worker.on('exit', (code) => end(`the history worker exited (${code})`))
  }

  call<K extends HistoryOp>(op: K, args: HistoryOps[K]['args']): Promise<HistoryOps[K]['result']> {
    if (this.gone) return Promise.reject(new AppError(this.gone))
    const id = this.nextId++
    return new Promise<HistoryOps[K]['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as HistoryOps[K]['result']), reject })
      this.post({ kind: 'call', id, op, args })
    })
  }

  /** Sends one write; its buffers move to the worker (transferred, not copied). False when gone. */
  append(seq: number, batch: AppendBatch): boolean {
    if (this.gone) return false
    const buffers = [batch.asset, batch.t, batch.lat, batch.lng, batch.speed, batch.heading].map(
      (column) => column.buffer as ArrayBuffer,
    )
    this.worker.postMessage({ kind: 'append', seq, batch } satisfies ToWorker, buffers)
    return true
  }

  /** Lets queued writes land, closes the file, and ends the thread (terminated if it hangs). */
  async close(): Promise<void> {
    if (this.gone) return
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()))
    const timer = setTimeout(() => void this.worker.terminate(), CLOSE_GRACE_MS)
    try {
      await this.call('close', {}).catch(() => undefined)
      await exited
    } finally {
      clearTimeout(timer)
    }
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message)
  }
}
