import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../core/logging/logger'
import type { TelemetryEvent } from '../../core/telemetry/telemetry-event'
import type { WebhookRecord } from '../../shared/schemas/settings'
import { DeskKeyStore } from '../../relay/nats/desk-key-store'
import { FixPublisher } from '../../relay/nats/fix-publisher'
import { LatestFixes } from '../../relay/nats/latest-fixes'
import { connectNats } from '../../relay/nats/nats-link'
import type { NatsLink } from '../../relay/nats/nats-link'
import { openOrgStores } from '../../relay/nats/org-stores'
import { readLatest } from '../../relay/nats/stream-reads'
import { WebhookRecords } from '../../relay/nats/webhook-records'
import { relayFix } from '../fakes/fake-relay-link'
import { NATS_MISSING, NATS_SERVER, startNatsServer } from '../support/nats-kit'
import type { NatsServer } from '../support/nats-kit'

// What the relay keeps in NATS, against a real nats-server: the latest fix per asset (compare-and-set
// between nodes), desk keys (hashed), the deployment's one webhook, and JetStream's own dedup.
if (!NATS_SERVER) console.warn(`relay store tests skipped: ${NATS_MISSING}`)

/** A fix as the relay's parser makes it (the wire's shape is the parser's). */
const fix = (assetId: string, fixTime: number): TelemetryEvent => relayFix(assetId, fixTime)

describe.skipIf(!NATS_SERVER)('relay stores in JetStream', () => {
  let nats: NatsServer
  let nodeA: NatsLink
  let nodeB: NatsLink

  beforeAll(async () => {
    nats = await startNatsServer()
    const open = (name: string) => connectNats(nats.url, { name, logger: silentLogger, waitForFirst: false })
    ;[nodeA, nodeB] = await Promise.all([open('a'), open('b')])
  })

  afterAll(async () => {
    await nodeA?.close()
    await nodeB?.close()
    await nats?.close()
  })

  it('keeps the newest fix per asset, whichever node writes last', async () => {
    const stores = await openOrgStores(nodeA, 'org-latest')
    const a = new LatestFixes(stores.latest)
    const b = new LatestFixes((await openOrgStores(nodeB, 'org-latest')).latest)
    const entry = (seq: number, fixTime: number) => ({ seq, fixTime, json: `{"fixTime":${fixTime}}` })
    await a.offer('truck', entry(1, 100))
    await b.offer('truck', entry(2, 300))
    // A late retry through node A: older than what node B stored, so it does not put it back.
    await a.offer('truck', entry(3, 200))
    await Promise.all([
      a.offer('van', entry(4, 10)),
      a.offer('van', entry(5, 30)),
      b.offer('van', entry(6, 20)),
    ])
    const latest = new Map<string, number>()
    await readLatest(nodeA, stores, (items) => {
      for (const item of items) latest.set(item.token, item.seq)
      return Promise.resolve(true)
    })
    expect(Object.fromEntries(latest)).toEqual({ truck: 2, van: 5 })
  })

  it('stores a fix JetStream has seen once, however many times it is delivered', async () => {
    const stores = await openOrgStores(nodeA, 'org-dedup')
    const a = new FixPublisher(nodeA, stores)
    const b = new FixPublisher(nodeB, await openOrgStores(nodeB, 'org-dedup'))
    expect(await a.commit([fix('t1', 1000), fix('t2', 1000)])).toBe(true)
    expect(await b.commit([fix('t1', 1000)])).toBe(true)
    expect(a.stats).toMatchObject({ published: 2, duplicates: 0 })
    expect(b.stats).toMatchObject({ published: 0, duplicates: 1 })
    const info = await nodeA.jsm.streams.info(stores.stream)
    expect(info.state.messages).toBe(2)
  })

  it('keeps desk keys hashed, refuses a revoked one, and says why in the catalog’s words', async () => {
    const keys = await DeskKeyStore.open(nodeA)
    const other = await DeskKeyStore.open(nodeB)
    const key = await keys.add('desk-7', new Date(0))
    expect(key).toMatch(/^desk-7\.[A-Za-z0-9_-]{43}$/)
    expect(await other.verify(key)).toBe('desk-7')
    expect(await other.verify(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`)).toBeNull()
    expect(await other.verify('desk-8.whatever')).toBeNull()
    await expect(keys.add('desk-7', new Date(0))).rejects.toMatchObject({ code: 'relay-key-exists' })
    await expect(keys.add('desk 7', new Date(0))).rejects.toMatchObject({ code: 'relay-key-name' })
    const stored = await nodeA.kvm.open('fleet_relay_keys')
    expect((await stored.get('desk-7'))?.string()).not.toContain(key.split('.')[1])
    const revoked: string[] = []
    const stop = await other.watchRevocations((name) => revoked.push(name), silentLogger)
    await keys.revoke('desk-7')
    expect(await other.verify(key)).toBeNull()
    await expect(keys.revoke('desk-7')).rejects.toMatchObject({ code: 'relay-key-unknown' })
    await expect.poll(() => revoked).toEqual(['desk-7'])
    stop()
    expect(await keys.list()).toEqual([])
  })

  it('registers the deployment’s webhook once when two nodes need it at the same time', async () => {
    let registered = 0
    const record = (id: string): WebhookRecord => ({
      webhookId: id,
      name: 'Fleet Relay',
      postUrl: 'https://relay.example.com/tagora/events',
      publicKeyPem: '',
      keyAlgorithm: 'ed25519',
      createdAt: new Date(0).toISOString(),
      apiUrl: 'https://api.example.com',
    })
    const options = (node: string, known = true) => ({
      apiUrl: 'https://api.example.com',
      postUrl: 'https://relay.example.com/tagora/events',
      organizationId: 'org-w',
      node,
      now: () => Date.now(),
      register: async () => {
        await new Promise((resolve) => setTimeout(resolve, 100))
        return record(`hook-${++registered}`)
      },
      stillKnown: () => Promise.resolve(known),
    })
    const [a, b] = await Promise.all([
      (await WebhookRecords.open(nodeA)).obtain(options('a')),
      (await WebhookRecords.open(nodeB)).obtain(options('b')),
    ])
    expect(registered).toBe(1)
    expect(a.webhookId).toBe('hook-1')
    expect(b.webhookId).toBe('hook-1')
    // Tagora forgot it (removed in its panel): the next node to start registers a new one.
    const again = await (await WebhookRecords.open(nodeA)).obtain(options('a', false))
    expect(again.webhookId).toBe('hook-2')
  })

  it('refuses to store while NATS is down, at once rather than after a timeout', async () => {
    const stores = await openOrgStores(nodeA, 'org-down')
    const publisher = new FixPublisher(nodeA, stores)
    await nats.stop()
    await expect.poll(() => nodeA.up(), { timeout: 15_000 }).toBe(false)
    const started = Date.now()
    expect(await publisher.commit([fix('t1', 5)])).toBe(false)
    expect(Date.now() - started).toBeLessThan(100)
    expect(nodeA.problem()).toMatchObject({ code: 'nats-unavailable', facts: { target: nats.url } })
    await nats.start()
    await expect.poll(() => nodeA.up(), { timeout: 15_000 }).toBe(true)
    expect(await publisher.commit([fix('t1', 5)])).toBe(true)
  })
})
