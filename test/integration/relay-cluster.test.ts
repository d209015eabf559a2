import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Simulator } from '../../tools/simulator/simulator'
import { startTestSimulator } from '../support/app-kit'
import { NATS_MISSING, NATS_SERVER, startNatsServer } from '../support/nats-kit'
import type { NatsServer } from '../support/nats-kit'
import { startRelayBalancer } from '../support/relay-balancer'
import type { RelayBalancer } from '../support/relay-balancer'
import { relayHealth, startRelayDesk, streamLastSequence, upgradeStatus } from '../support/relay-cluster-kit'
import type { RelayDesk } from '../support/relay-cluster-kit'
import { addDeskKey, runRelayKeys, startRelayBehind } from '../support/relay-process'
import type { RelayProcess } from '../support/relay-process'
import { TUNNEL_CA, TUNNEL_HOST } from '../support/tunnel-stand-in'

// Issue 16, point 5, against the real thing: nats-server from Debian with JetStream, two relay nodes
// (built, as `npm run relay` runs them) behind a TLS balancer, and desks that are real browser hosts.
// Tagora is the simulator, posting through the balancer to the relay's public name.
if (!NATS_SERVER) console.warn(`relay cluster tests skipped: ${NATS_MISSING}`)

const VEHICLES = 12

describe.skipIf(!NATS_SERVER)('Fleet Relay: two nodes, three desks, one NATS', { timeout: 60_000 }, () => {
  let nats: NatsServer
  let sim: Simulator
  let balancer: RelayBalancer
  const relays: RelayProcess[] = []
  const desks: RelayDesk[] = []
  const keys: string[] = []
  let organizationId = ''
  let perTick = 0

  beforeAll(async () => {
    nats = await startNatsServer()
    sim = await startTestSimulator({
      vehicles: VEHICLES,
      maxEventsPerPost: 2,
      network: { resolve: (host) => (host === TUNNEL_HOST ? '127.0.0.1' : undefined), ca: TUNNEL_CA },
    })
    balancer = await startRelayBalancer()
    // Both nodes at once: they must agree on one webhook, not register two.
    relays.push(
      ...(await Promise.all(
        ['node-a', 'node-b'].map((node) => startRelayBehind(balancer, { nats: nats.url, sim, node })),
      )),
    )
    balancer.backends = relays.map((relay) => relay.port)
    organizationId = String((await relayHealth(relays[0]!.url)).body.organizationId)
    for (const name of ['desk-1', 'desk-2', 'desk-3']) keys.push(await addDeskKey(nats.url, name))
    desks.push(...(await Promise.all(keys.map((key) => startRelayDesk(balancer.port, key)))))
    await vi.waitFor(
      async () => {
        for (const desk of desks) expect((await desk.feed()).state).toBe('connected')
      },
      { timeout: 15_000 },
    )
  }, 120_000)

  afterAll(async () => {
    await Promise.all(desks.map((desk) => desk.stop()))
    await Promise.all(relays.map((relay) => relay.stop()))
    await balancer?.close()
    await sim?.close()
    await nats?.close()
  })

  async function settled(): Promise<number> {
    const last = await streamLastSequence(nats.url, organizationId)
    await vi.waitFor(
      async () => {
        for (const desk of desks) expect((await desk.feed()).lastSequence).toBe(last)
      },
      { timeout: 15_000 },
    )
    return last
  }

  it('registers one webhook for the deployment, whichever node started first', () => {
    const hooks = sim.fleet.webhooks()
    expect(hooks).toHaveLength(1)
    expect(hooks[0]?.postUrl).toBe(`https://${TUNNEL_HOST}:${balancer.port}/tagora/events`)
  })

  it('shows one delivery on all three desks', async () => {
    const tick = await sim.tick()
    expect(tick.failedPosts).toBe(0)
    perTick = tick.delivered
    expect(perTick).toBeGreaterThan(0)
    const last = await settled()
    const assets = sim.fleet
      .devices()
      .filter((device) => device.organizationId === organizationId)
      .map((device) => device.assetId)
    for (const desk of desks) {
      const feed = await desk.feed()
      expect(feed.received).toBe(last)
      const positioned = await Promise.all(assets.map((assetId) => desk.asset(assetId)))
      expect(positioned.filter((detail) => detail?.lat != null)).toHaveLength(perTick)
    }
  })

  it('loses and doubles nothing when a node is killed mid-stream: its desks resume on the other', async () => {
    const before = await Promise.all(desks.map((desk) => desk.feed()))
    const start = await streamLastSequence(nats.url, organizationId)
    const ticks = 16
    for (let tick = 0; tick < ticks; tick++) {
      const delivering = sim.tick()
      // Mid-stream: node A dies while this tick's POSTs are on their way, its desks still attached.
      if (tick === 5) relays[0]!.kill()
      await delivering
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const last = await settled()
    const after = await Promise.all(desks.map((desk) => desk.feed()))
    for (const [i, feed] of after.entries()) {
      // Every fix JetStream holds reached every desk exactly once: the counts match the stream.
      expect(feed.received - before[i]!.received).toBe(last - start)
      expect(feed.state).toBe('connected')
    }
    // At least one desk was on the killed node and reconnected.
    expect(after.some((feed, i) => feed.connectedAt !== before[i]!.connectedAt)).toBe(true)
    // The balancer found node B for every POST after the kill; only the tick in flight may have failed.
    expect(last - start).toBeGreaterThanOrEqual(perTick * (ticks - 1))
  })

  it('answers 503 while NATS is down, says so in /health, and recovers when it returns', async () => {
    const relay = relays[1]!
    await nats.stop()
    await vi.waitFor(async () => expect((await relayHealth(relay.url)).body.nats).toBe('down'), {
      timeout: 15_000,
    })
    const down = await relayHealth(relay.url)
    expect(down.status).toBe(503)
    expect(String(down.body.problem)).toContain('NATS')
    const refused = await sim.tick()
    expect(refused.delivered).toBe(0)
    expect(refused.failedPosts).toBeGreaterThan(0)
    expect((await relayHealth(relay.url)).body.refusedWhileDown).toBeGreaterThan(0)
    const before = await Promise.all(desks.map((desk) => desk.feed()))
    await nats.start()
    await vi.waitFor(async () => expect((await relayHealth(relay.url)).status).toBe(200), { timeout: 20_000 })
    const start = await streamLastSequence(nats.url, organizationId)
    expect((await sim.tick()).delivered).toBe(perTick)
    const last = await settled()
    const after = await Promise.all(desks.map((desk) => desk.feed()))
    for (const [i, feed] of after.entries()) expect(feed.received - before[i]!.received).toBe(last - start)
  })

  it('gives a desk that joins late the whole last-known map', async () => {
    const late = await startRelayDesk(balancer.port, await addDeskKey(nats.url, 'desk-late'))
    desks.push(late)
    const assets = sim.fleet.devices().map((device) => device.assetId)
    await vi.waitFor(async () => expect((await late.feed()).state).toBe('connected'), { timeout: 15_000 })
    await vi.waitFor(
      async () => {
        for (const assetId of assets) {
          const [seen, expected] = await Promise.all([late.asset(assetId), desks[0]!.asset(assetId)])
          expect(seen?.fixTime ?? null).toBe(expected?.fixTime ?? null)
        }
      },
      { timeout: 10_000 },
    )
  })

  it('refuses a revoked key at once, on the desk that holds it and on any new connection', async () => {
    const result = await runRelayKeys(nats.url, ['revoke', 'desk-3'])
    expect(result.code).toBe(0)
    const desk3 = desks[2]!
    await vi.waitFor(async () => expect((await desk3.feed()).state).toBe('refused'), { timeout: 10_000 })
    expect((await desk3.feed()).problem?.code).toBe('relay-key-refused')
    expect(await upgradeStatus(relays[1]!.url, keys[2]!)).toBe(401)
    expect(await upgradeStatus(relays[1]!.url, keys[0]!)).toBe(101)
    expect((await desks[0]!.feed()).state).toBe('connected')
  })
})
