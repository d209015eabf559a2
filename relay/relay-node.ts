import { AppError } from '../shared/domain/errors'
import type { AppErrorInfo } from '../shared/domain/errors'
import { createWebhookListener } from '../core/listener/webhook-listener'
import { publicRoutesOf } from '../core/listener/request-guards'
import { DeviceSync } from '../core/devices/device-sync'
import type { Logger } from '../core/logging/logger'
import { systemClock } from '../core/ports/clock'
import { noPowerEvents } from '../core/ports/power-events'
import { noSecretStore } from '../core/ports/secret-store'
import { TagoraSession } from '../core/session/tagora-session'
import { createTagoraClient } from '../core/tagora/tagora-client'
import type { ServeCommand } from './cli/relay-options'
import { DeskGateway } from './desks/desk-gateway'
import type { FeedSource } from './desks/feed-source'
import { DeskKeyStore } from './nats/desk-key-store'
import { FixPublisher } from './nats/fix-publisher'
import { natsFeedSource } from './nats/nats-feed-source'
import { connectNats } from './nats/nats-link'
import type { NatsLink } from './nats/nats-link'
import { openOrgStores } from './nats/org-stores'
import { StreamTail } from './nats/stream-tail'
import { WebhookRecords } from './nats/webhook-records'
import { relayRoutes } from './relay-health'
import type { RelayHealth } from './relay-health'
import { RelayFleet } from './tagora/relay-fleet'
import { RelaySignIn } from './tagora/relay-sign-in'

/** How often the device list and the webhook's scope are read again (serials → assetIds). */
const ASSETS_EVERY_MS = 5 * 60_000

export interface RunningRelay {
  /** The port's base URL: Tagora's path, /feed and /health all live under it. */
  url: string
  close(): Promise<void>
}

/**
 * One relay node. The port opens first, so /health can say what the node waits for; then NATS, then
 * Tagora (sign-in, the deployment's webhook), then the organization's stream. Nothing is kept on
 * this machine: every node of a deployment is interchangeable behind the balancer.
 */
export async function startRelayNode(command: ServeCommand, logger: Logger): Promise<RunningRelay> {
  const parts: {
    link?: NatsLink
    keys?: DeskKeyStore
    fleet?: RelayFleet
    publisher?: FixPublisher
    source?: FeedSource
    tail?: StreamTail
    webhookId?: string
    organizationId?: string
  } = {}
  const stops: (() => void | Promise<void>)[] = []
  const session = new TagoraSession({
    clock: systemClock,
    logger,
    secretStore: noSecretStore,
    powerEvents: noPowerEvents,
    createClient: (apiUrl) => createTagoraClient({ baseUrl: apiUrl, logger }),
  })
  const gateway = new DeskGateway({
    verify: (key) => (parts.keys ? parts.keys.verify(key) : Promise.reject(new Error('keys not loaded'))),
    source: () => parts.source ?? null,
    natsUp: () => parts.link?.up() ?? false,
    node: command.node,
    logger,
  })
  const health = (): RelayHealth => ({
    node: command.node,
    ready: parts.source !== undefined,
    nats: parts.link?.up() ? 'up' : 'down',
    session: session.state().phase,
    organizationId: parts.organizationId ?? null,
    webhookId: parts.webhookId ?? null,
    desks: gateway.count,
    ...(parts.publisher?.stats ?? { published: 0, duplicates: 0, refusedWhileDown: 0 }),
    problem: parts.link ? parts.link.problem() : waitingForNats,
  })
  const listener = createWebhookListener({
    host: command.bind,
    port: command.port,
    path: new URL(command.publicUrl).pathname,
    getPublicKeys: () => parts.fleet?.keys.current() ?? [],
    publicRoutes: () => publicRoutesOf([command.publicUrl]),
    parseOptions: () =>
      parts.fleet?.parseOptions(Date.now()) ?? { now: Date.now(), resolveAssetId: () => undefined },
    onEvents: () => undefined,
    commit: async ({ events }) => {
      const stored = (await parts.publisher?.commit(events)) ?? false
      if (stored) parts.fleet?.noteStored(events)
      return stored
    },
    hostRoutes: {
      handle: relayRoutes(health),
      upgrade: (req, socket, head) => gateway.upgrade(req, socket, head),
    },
    logger,
  })
  // Until the first connection, /health says what the node waits for.
  const waitingForNats: AppErrorInfo = {
    code: 'nats-unavailable',
    facts: { target: command.nats, detail: 'waiting for the first connection' },
  }
  const listening = await listener.start()
  if (listening.state !== 'listening') throw new AppError(listening.problem ?? { code: 'listener-failed' })
  const port = new URL(listening.url ?? '').port
  const close = async (): Promise<void> => {
    gateway.close()
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined)
    await listener.stop()
    session.dispose()
  }
  try {
    logger.info('connecting to NATS', { nats: command.nats, port })
    const link = await connectNats(command.nats, {
      name: `fleet-relay ${command.node}`,
      logger,
      waitForFirst: true,
    })
    parts.link = link
    stops.push(() => link.close())
    parts.keys = await DeskKeyStore.open(link)
    stops.push(await parts.keys.watchRevocations((name) => gateway.revoke(name), logger))
    const signIn = new RelaySignIn(session, command.credentials, logger)
    await signIn.signIn()
    stops.push(signIn.keepSignedIn())
    const devices = new DeviceSync({ session, logger, clock: systemClock })
    stops.push(() => devices.cancel())
    const fleet = new RelayFleet({
      session,
      devices,
      records: await WebhookRecords.open(link),
      apiUrl: command.credentials.apiUrl,
      postUrl: command.publicUrl,
      node: command.node,
      logger,
    })
    const organizationId = await fleet.organizationId()
    const stores = await openOrgStores(link, organizationId)
    parts.publisher = new FixPublisher(link, stores)
    parts.webhookId = (await fleet.obtainWebhook(organizationId)).webhookId
    parts.fleet = fleet
    parts.organizationId = organizationId
    stops.push(everyFewMinutes(() => fleet.refreshAssets(), logger))
    const tail = await StreamTail.start(link, stores, logger)
    stops.push(() => tail.stop())
    parts.source = natsFeedSource(link, stores, tail)
  } catch (error) {
    await close()
    throw error
  }
  // 0.0.0.0 is every interface: the URL names one that certainly reaches it.
  const host = command.bind === '0.0.0.0' ? '127.0.0.1' : command.bind
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, close }
}

/** Runs `refresh` now and every few minutes; returns the stop function. */
function everyFewMinutes(refresh: () => Promise<void>, logger: Logger): () => void {
  const run = (): void =>
    void refresh().catch((error: unknown) => logger.warn('device refresh failed', { error: String(error) }))
  run()
  const timer = setInterval(run, ASSETS_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
