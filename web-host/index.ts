import { fileURLToPath } from 'node:url'
import { installProcessGuards } from '../core/host/process-guards'
import { createLogger } from '../core/logging/logger'
import { parseHostOptions } from '../core/host/cli-options'
import { startWebHost } from './start-web-host'

// The browser host: `npm run web`. Same services as the Electron app, contract over a WebSocket.
const logger = createLogger('web-host')
// Before anything can fail: a stray rejection or socket error is logged, not the end of the desk.
installProcessGuards(logger)

async function main(): Promise<void> {
  const options = parseHostOptions(process.argv.slice(2), process.env)
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url))
  // Built beside this entry (electron.vite.config.ts): the thread that owns the history database.
  const historyWorker = { script: fileURLToPath(new URL('./history-worker.js', import.meta.url)) }
  const host = await startWebHost(options, rendererDir, logger, historyWorker)
  process.stdout.write(`Fleet Monitor is serving at ${host.url}\n`)
  const shutdown = (): void => {
    void host.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  const err = error as NodeJS.ErrnoException
  const message =
    err.code === 'EADDRINUSE'
      ? 'The port is already in use. Choose another with --port N (or --port 0 for any free port).'
      : err.message
  process.stderr.write(`Fleet Monitor could not start: ${message}\n`)
  process.exit(1)
})
