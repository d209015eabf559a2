// `npm run sim`: a standalone simulator for benchmarks, e2e runs and manual poking with curl.
import { parseSimulatorArgs } from './cli-args'
import { startSimulator } from './simulator'

async function main(): Promise<void> {
  const sim = await startSimulator(parseSimulatorArgs(process.argv.slice(2)))
  console.log(`Tagora simulator is serving at ${sim.apiBaseUrl}`)
  console.log(`Demo credentials: ${sim.credentials.email} / ${sim.credentials.password}`)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
