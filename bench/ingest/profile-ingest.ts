import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { selfTime } from '../lib/profile-summary'
import type { CpuProfile } from '../lib/profile-summary'
import { runIngest } from './run-ingest'
import type { IngestMode } from './run-ingest'
import { verifyCeiling } from './verify-ceiling'

/**
 * `npm run -s bench:profile [eventsPerPost]`: the listener side of the ingest bench under V8's CPU
 * profiler (the sender runs in its own process as always, unprofiled). The 1 event/POST mode of
 * `npm run bench` three times against the verify ceiling measured just before them (outside the
 * profile: its own verify loop would drown the listener's), then the listener thread's top
 * self-time costs; the whole profile is written for DevTools.
 */
const MODE: IngestMode = { eventsPerPost: 1, posts: 8000, warmupPosts: 800, concurrency: 8 }
const RUNS = 3

function post(session: Session, method: string): Promise<unknown> {
  return new Promise((done, fail) =>
    session.post(method, (error, result) => (error ? fail(error) : done(result))),
  )
}

async function main(): Promise<void> {
  const eventsPerPost = Number(process.argv[2] ?? MODE.eventsPerPost)
  const mode = eventsPerPost === 1 ? MODE : { ...MODE, eventsPerPost, posts: 1200, warmupPosts: 100 }
  const ceiling = verifyCeiling(mode.eventsPerPost)
  const session = new Session()
  session.connect()
  await post(session, 'Profiler.enable')
  await post(session, 'Profiler.start')
  for (let run = 0; run < RUNS; run++) {
    const result = await runIngest(mode)
    const cpu = result.cpuMicrosPerPost
    process.stderr.write(
      `[profile] ${mode.eventsPerPost}/POST: ${result.postsPerSecond} POST/s (${result.eventsPerSecond} events/s), ` +
        `×${(result.postsPerSecond / ceiling).toFixed(3)} of the verify ceiling ${ceiling}/s, lost ${result.lost}, ` +
        `p99 ${result.postToStoreMs.p99} ms; CPU µs/POST: listener process ${cpu.listener}, ` +
        `its thread ${cpu.listenerThread}, sender ${cpu.sender}; load ${loadavg()[0]!.toFixed(2)}\n`,
    )
  }
  const { profile } = (await post(session, 'Profiler.stop')) as { profile: CpuProfile }
  session.disconnect()
  const file = join(tmpdir(), `ingest-${mode.eventsPerPost}-per-post-${Date.now()}.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  const { busy, rows } = selfTime(profile, `file://${resolve(import.meta.dirname, '../..')}/`)
  process.stderr.write(
    `[profile] listener thread busy in ${(busy * 100).toFixed(1)}% of the samples; self time, % of busy:\n`,
  )
  for (const row of rows) process.stderr.write(`${row.percentOfBusy.toFixed(1).padStart(6)}%  ${row.fn}\n`)
  process.stderr.write(`[profile] written to ${file}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`profile failed: ${String(error)}\n`)
  process.exitCode = 1
})
