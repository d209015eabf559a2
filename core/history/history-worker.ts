import { parentPort } from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { openBetterSqlite3 } from '../adapters/better-sqlite3-database'
import { COMPACT_EVERY_MS } from './compactor'
import { HistoryEngine } from './history-engine'
import { isDamage, openHistoryFile, startOver } from './history-file'
import type { RetentionPolicy } from './pruner'
import type { FromWorker, HistoryOps, ToWorker } from './worker-protocol'

// The history worker thread: the one place the database is touched, so a commit's fsync, a
// compaction or a 24-hour query never holds up the thread that answers the listener. It is the
// composition root of its thread: the driver is chosen here (swap this import for node:sqlite).

const open = openBetterSqlite3
/** Between pruning steps while there is more to prune, and between checks when there is not. */
const PRUNE_SOON_MS = 2_000
const PRUNE_CHECK_MS = 60_000

const port = parentPort as MessagePort
let engine: HistoryEngine | null = null
let path: string | null = null
let retention: RetentionPolicy = { maxAgeMs: 30 * 86_400_000, maxBytes: 2 * 1024 ** 3 }
let compactTimer: ReturnType<typeof setInterval> | undefined
let pruneTimer: ReturnType<typeof setTimeout> | undefined

const post = (message: FromWorker): void => port.postMessage(message)

function problemOf(error: unknown): AppErrorInfo {
  return { code: 'history-failed', facts: { detail: error instanceof Error ? error.message : String(error) } }
}

/** A failure outside any request: said in Health; damage moves the file aside and starts a new one. */
function background(error: unknown): void {
  post({ kind: 'problem', error: problemOf(error) })
  if (!isDamage(error) || !engine || !path) return
  engine.close()
  const opened = startOver(path, open, Date.now(), problemOf(error).facts?.detail ?? '')
  engine = new HistoryEngine(opened.db, opened.state === 'ready' ? path : null, retention)
  if (opened.notice) post({ kind: 'notice', notice: opened.notice })
}

function guarded(work: () => void): void {
  try {
    work()
  } catch (error) {
    background(error)
  }
}

function schedulePrune(delay: number): void {
  clearTimeout(pruneTimer)
  pruneTimer = setTimeout(() => {
    let more = false
    guarded(() => (more = engine?.prune(Date.now()) ?? false))
    schedulePrune(more ? PRUNE_SOON_MS : PRUNE_CHECK_MS)
  }, delay)
}

const handlers: { [K in keyof HistoryOps]: (args: HistoryOps[K]['args']) => HistoryOps[K]['result'] } = {
  open(args) {
    path = args.path
    retention = args.retention
    const opened = openHistoryFile(args.path, open, Date.now())
    engine = new HistoryEngine(opened.db, opened.state === 'ready' ? args.path : null, retention)
    if (opened.notice) post({ kind: 'notice', notice: opened.notice })
    compactTimer = setInterval(() => guarded(() => engine?.compact()), COMPACT_EVERY_MS)
    schedulePrune(PRUNE_SOON_MS)
    return { state: opened.state }
  },
  fleetAt: (args) => ready().fleetAt(args.scope, args.at),
  tracks: (args) => ready().tracks(args),
  range: (args) => ready().range(args.scope),
  stats: () => ready().stats(Date.now()),
  retention(args) {
    retention = args
    ready().setRetention(args)
    schedulePrune(0)
    return null
  },
  saveAlarms(args) {
    ready().saveAlarms(args.scope, args.alarms)
    return null
  },
  loadAlarms: (args) => ready().loadAlarms(args.scope, args.limit),
  compact: () => ready().compact(),
  close() {
    clearInterval(compactTimer)
    clearTimeout(pruneTimer)
    engine?.close()
    engine = null
    return null
  },
}

function ready(): HistoryEngine {
  if (!engine) throw new Error('the history file is not open')
  return engine
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'append') {
    guarded(() => {
      const fixes = ready().append(message.batch, Date.now())
      post({ kind: 'appended', seq: message.seq, fixes })
    })
    return
  }
  try {
    const handler = handlers[message.op] as (args: unknown) => unknown
    post({ kind: 'result', id: message.id, ok: true, value: handler(message.args) })
  } catch (error) {
    post({ kind: 'result', id: message.id, ok: false, error: problemOf(error) })
    if (isDamage(error)) background(error)
  }
  if (message.op === 'close') port.close()
})
