import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { KeytarSecretStore } from '../core/adapters/keytar-secret-store'
import { FleetApp } from '../core/app/fleet-app'
import { startDemoServer } from '../tools/simulator/demo-server'
import type { Logger } from '../core/logging/logger'
import { systemClock } from '../core/ports/clock'
import { commandLineOverrides } from '../core/app/command-line-overrides'
import type { HostOptions } from '../core/host/cli-options'
import type { HistoryWorkerSpec } from '../core/history/history-client'
import { attachContractSocket } from './contract-socket'
import { createHostServer } from './host-server'
import type { GuardedHandler } from './host-server'
import { serveOneTimeLink } from './one-time-link-handler'
import { ONE_TIME_PREFIX, OneTimeRedirects } from './one-time-redirects'
import { browserHostPagePolicy } from './page-policy'
import { loopbackHosts } from './request-guards'
import { createStaticHandler } from './static-files'
import { createTimeJumpPowerEvents } from './time-jump-power-events'

/** How long a stop waits for open connections to close before it goes on without them. */
const STOP_GRACE_MS = 2_000

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
  historyWorker?: HistoryWorkerSpec,
): Promise<RunningWebHost> {
  const powerEvents = createTimeJumpPowerEvents()
  const portalLinks = new OneTimeRedirects()
  const app = new FleetApp({
    dataDir: options.dataDir,
    host: 'web',
    ...commandLineOverrides(options),
    secretStore: new KeytarSecretStore(),
    startDemoServer,
    powerEvents,
    clock: systemClock,
    logger,
    // The page opens the portal in a new tab through a one-time local link: it never sees the token.
    videoPortal: {
      embedded: false,
      refusal: () => null,
      open: (portalUrl) => Promise.resolve({ opened: 'tab', ...portalLinks.mint(portalUrl) }),
    },
    ...(historyWorker && { historyWorker }),
  })
  await app.start()
  const secret = randomBytes(24).toString('base64url')
  const serveStatic = createStaticHandler(
    rendererDir,
    browserHostPagePolicy(() => app.settings.get().map.tileUrl),
  )
  // Known once the port is bound: until then no request can arrive, and none would be answered.
  let hosts: string[] = []
  let origins: string[] = []
  const handle: GuardedHandler = (req, res, pathname) =>
    pathname.startsWith(ONE_TIME_PREFIX)
      ? Promise.resolve(serveOneTimeLink(req, res, pathname, portalLinks))
      : serveStatic(req, res, pathname)
  const server = createHostServer({ allowedHosts: () => hosts, handle, logger })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', (error) => logger.error('browser host server error', { error }))
  const { port } = server.address() as AddressInfo
  hosts = loopbackHosts(port)
  origins = hosts.map((host) => `http://${host}`)
  const wss = attachContractSocket(server, {
    secret,
    allowedHosts: () => hosts,
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
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        // close() would otherwise wait out every idle keep-alive connection, and a socket whose
        // peer went silent mid-close could hold the stop forever: the host stops regardless.
        server.closeAllConnections()
        setTimeout(resolve, STOP_GRACE_MS).unref()
      })
      await app.stop()
    },
  }
}
