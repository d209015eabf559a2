import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { KeytarSecretStore } from '../main/adapters/keytar-secret-store'
import { FleetApp } from '../main/services/app/fleet-app'
import type { Logger } from '../main/services/logging/logger'
import { systemClock } from '../main/services/ports/clock'
import type { HostOptions } from './cli-options'
import { attachContractSocket } from './contract-socket'
import { createStaticHandler } from './static-files'
import { createTimeJumpPowerEvents } from './time-jump-power-events'

export interface RunningWebHost {
  url: string
  app: FleetApp
  close(): Promise<void>
}

/** Builds the app's services under plain Node and serves the renderer plus the contract socket. */
export async function startWebHost(
  options: HostOptions,
  rendererDir: string,
  logger: Logger,
): Promise<RunningWebHost> {
  const powerEvents = createTimeJumpPowerEvents()
  const app = new FleetApp({
    dataDir: options.dataDir,
    host: 'web',
    apiUrlOverride: options.apiUrl,
    listenerPortOverride: options.listenerPort,
    secretStore: new KeytarSecretStore(),
    powerEvents,
    clock: systemClock,
    logger,
    // The page opens links itself (target=_blank); there is no window of ours to open them in.
    openExternal: () => Promise.resolve(),
  })
  await app.start()
  const secret = randomBytes(24).toString('base64url')
  const serveStatic = createStaticHandler(rendererDir)
  const server = createServer((req, res) => void serveStatic(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
  const wss = attachContractSocket(server, {
    secret,
    allowedOrigins: () => origins,
    handlers: app.handlers,
    hub: app.hub,
    logger,
  })
  if (options.demo) await app.startDemo()
  return {
    url: `http://127.0.0.1:${port}/#secret=${secret}`,
    app,
    async close() {
      powerEvents.stop()
      wss.clients.forEach((client) => client.terminate())
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await app.stop()
    },
  }
}
