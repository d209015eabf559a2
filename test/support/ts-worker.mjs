// Runs a TypeScript worker entry from source (tests and the bench, which have no build): registers
// tsx's loader in this worker thread, then imports the entry named by workerData.tsEntry. The built
// app starts out/main/history-worker.js directly and never loads this file.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.tsEntry)
