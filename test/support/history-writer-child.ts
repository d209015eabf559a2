// A desk that records fixes as fast as a busy fleet delivers them, for the durability test to kill:
// the real recorder, the real worker and the real file. It prints, on stdout (synchronous for a pipe on
// Linux, so nothing printed is lost with the process), every total it generated and every total the
// worker reported committed. Usage: tsx history-writer-child.ts <dataDir> <fixesPerSecond>
import { join } from 'node:path'
import { FixRecorder } from '../../core/history/fix-recorder'
import { HistoryClient } from '../../core/history/history-client'
import { HISTORY_FILE } from '../../core/history/history-file'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import type { TelemetryEvent } from '../../core/telemetry/telemetry-event'
import { fakeFix } from '../fakes/fake-fixes'
import { sourceHistoryWorker } from './history-worker-kit'

const [dataDir = '.', rate = '20000'] = process.argv.slice(2)
const perTick = Math.round(Number(rate) / 100)
const VEHICLES = 2000
let committed = 0
const client = new HistoryClient(
  sourceHistoryWorker(),
  {
    onAppended: (_seq, fixes) => {
      committed += fixes
      recorder.committedWrite(fixes)
      process.stdout.write(`committed ${committed}\n`)
    },
    onNotice: () => undefined,
    onProblem: (error) => process.stdout.write(`problem ${JSON.stringify(error)}\n`),
    onGone: () => undefined,
  },
  silentLogger,
)
const recorder = new FixRecorder(client, systemClock)
await client.call('open', {
  path: join(dataDir, HISTORY_FILE),
  retention: { maxAgeMs: 30 * 86_400_000, maxBytes: 2 * 1024 ** 3 },
})
recorder.useScope('durability')
process.stdout.write('ready\n')

const start = Date.now()
let generated = 0
// Every 10 ms a POST's worth of fixes: vehicle k's n-th fix is at start + n seconds, so every
// (vehicle, time) is distinct and the count in the file is the count of distinct fixes kept.
setInterval(() => {
  const events: TelemetryEvent[] = []
  for (let i = 0; i < perTick; i++, generated++) {
    const fixTime = start + Math.floor(generated / VEHICLES) * 1000
    events.push(fakeFix(`vehicle-${generated % VEHICLES}`, fixTime))
  }
  recorder.record(events)
  process.stdout.write(`generated ${generated}\n`)
}, 10)
