import type { HistoryWorkerSpec } from '../../core/history/history-client'

/** The history worker from its TypeScript source, through tsx: what tests and the bench run. */
export function sourceHistoryWorker(): HistoryWorkerSpec {
  return {
    script: new URL('./ts-worker.mjs', import.meta.url),
    workerData: { tsEntry: new URL('../../core/history/history-worker.ts', import.meta.url).href },
  }
}
