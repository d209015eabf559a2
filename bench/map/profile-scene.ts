import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { launchChromium } from '../../test/support/chromium'
import { selfTime } from '../lib/profile-summary'
import { serveFolder } from '../lib/static-server'
import { buildBenchPage } from './build-page'
import { pageDriver } from './page-driver'

/**
 * The bench page's main thread under the CPU profiler while one map scene pans, to see what takes
 * the frames the layer's own draw does not: `npm run -s bench:profile-map -- [zoom] [assets]`.
 */
async function main(): Promise<void> {
  const zoom = Number(process.argv[2] ?? 10)
  const assets = Number(process.argv[3] ?? 50_000)
  const dir = await buildBenchPage()
  const server = await serveFolder(dir)
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(`${server.origin}/`)
    await page.waitForFunction(() => 'bench' in globalThis)
    const bench = pageDriver(page)
    await bench.setup('canvas', assets, zoom, 2, undefined)
    for (let i = 0; i < 3; i++) await bench.update()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    const frames = await bench.frames({
      durationMs: 4000,
      minFrames: 8,
      maxMs: 12_000,
      updateEveryMs: 1000,
      panning: true,
    })
    const { profile } = await cdp.send('Profiler.stop')
    const { busy, rows } = selfTime({ ...profile, samples: profile.samples ?? [] }, `${server.origin}/`, 25)
    const deltas = [...frames.deltas].sort((a, b) => a - b)
    process.stdout.write(`frames ${deltas.length}, long (>20 ms) ${deltas.filter((d) => d > 20).length}\n`)
    process.stdout.write(
      `main thread busy in ${(100 * busy).toFixed(1)}% of the samples; self time, % of busy:\n`,
    )
    for (const row of rows) process.stdout.write(`${row.percentOfBusy.toFixed(1).padStart(5)}%  ${row.fn}\n`)
  } finally {
    await context.close()
    await server.close()
    rmSync(dirname(dir), { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`profile failed: ${String(error)}\n`)
  process.exitCode = 1
})
