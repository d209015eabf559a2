import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SimContext } from './context'
import { createDeviceRegistry } from './device-registry'
import type { DeviceRegistry, DeviceStatus } from './device-registry'
import { buildDirectory } from './directory'
import type { Directory } from './directory'
import { createFaults } from './faults'
import { createFleet } from './fleet'
import { createFleetControls } from './fleet-controls'
import { resolveOptions } from './options'
import type { ResolvedOptions } from './options'
import { createRng, deriveSeed } from './random'
import { API_PREFIX, createRequestHandler } from './router'
import { createTokenService } from './tokens'
import type { Simulator, SimulatorOptions } from './types'
import { createDeliverer } from './webhook-delivery'
import { createWebhookRegistry } from './webhooks'

export type * from './types'

/**
 * Status of the n-th initial device. Vehicles always report, so they are active; one in five of the
 * parked extras is inactive, which gives `?status=` filters something to filter.
 */
const initialStatus =
  (vehicles: number) =>
  (index: number): DeviceStatus =>
    index >= vehicles && index % 5 === 4 ? 'inactive' : 'active'

function populate(o: ResolvedOptions, directory: Directory): DeviceRegistry {
  const registry = createDeviceRegistry(createRng(deriveSeed(o.seed, 'devices')))
  const orgs = directory.orgKeys
  // Deal devices to orgs in runs of three so every org gets vehicles in every city.
  const orgOf = (index: number): string => orgs[Math.floor(index / 3) % orgs.length] ?? ''
  registry.add(o.devices, orgOf, initialStatus(o.vehicles))
  return registry
}

/** Starts a Tagora simulator on `host:port` (0 = any free port) and resolves once it listens. */
export async function startSimulator(options?: SimulatorOptions): Promise<Simulator> {
  const o = resolveOptions(options)
  const directory = buildDirectory(o.users, createRng(deriveSeed(o.seed, 'users')))
  const devices = populate(o, directory)
  const fleet = createFleet(devices.all().slice(0, o.vehicles), createRng(deriveSeed(o.seed, 'motion')))
  const faults = createFaults(o.accessTokenTtlSec, o.now)
  const tokens = createTokenService({
    now: () => faults.now(),
    accessTtlSec: () => faults.state().accessTokenTtlSec,
    renewTtlSec: o.renewTokenTtlSec,
  })
  const webhooks = createWebhookRegistry(() => faults.now())
  const deliverer = createDeliverer({
    maxEventsPerPost: o.maxEventsPerPost,
    timeoutMs: o.deliveryTimeoutMs,
    encoding: o.signatureEncoding,
    prefix: o.signaturePrefix,
    network: o.network,
  })
  const controls = createFleetControls({ o, directory, devices, fleet, faults, tokens, webhooks, deliverer })
  const ctx: SimContext = {
    allowLoopbackWebhooks: o.allowLoopbackWebhooks,
    faults,
    tokens,
    directory,
    devices,
    webhooks,
    fleet: controls.fleet,
  }

  const server = createServer(createRequestHandler(ctx))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port, o.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const host = o.host.includes(':') ? `[${o.host}]` : o.host
  const url = `http://${host}:${port}`
  const firstUser = directory.users[0]

  let closing: Promise<void> | null = null
  return {
    url,
    apiBaseUrl: `${url}${API_PREFIX}`,
    credentials: { email: firstUser?.email ?? '', password: firstUser?.password ?? '' },
    faults,
    fleet: controls.fleet,
    tick: () => controls.fleet.tick(),
    mintAccessToken(opts = {}) {
      const user = (opts.email !== undefined ? directory.findByEmail(opts.email) : firstUser) ?? firstUser
      if (!user) throw new Error('the simulator has no users')
      return tokens.mint(user, opts.scope ?? 'integration', opts.ttlSec ?? faults.state().accessTokenTtlSec)
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        controls.stop()
        deliverer.close()
        server.close(() => resolve())
        // Keep-alive clients would otherwise hold close() open until their idle timeout.
        server.closeAllConnections()
      })
      return closing
    },
  }
}
