import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { createWsRelayLink } from '../../core/adapters/ws-relay-link'
import { RelayFeed } from '../../core/feeds/relay-feed'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import { TelemetryStore } from '../../core/telemetry/telemetry-store'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator } from '../../tools/simulator/simulator'
import { startNatsServer } from '../../test/support/nats-kit'
import type { NatsServer } from '../../test/support/nats-kit'
import { startRelayBalancer } from '../../test/support/relay-balancer'
import type { RelayBalancer } from '../../test/support/relay-balancer'
import { relayHealth, streamLastSequence } from '../../test/support/relay-cluster-kit'
import { addDeskKey, startRelayBehind } from '../../test/support/relay-process'
import type { RelayProcess } from '../../test/support/relay-process'
import { TUNNEL_CA, TUNNEL_HOST } from '../../test/support/tunnel-stand-in'
import { round, spread } from '../lib/stats'
import type { DeskClientsMessage, DeskClientsReply } from './desk-clients'
import { cpuSeconds } from './process-cpu'

/**
 * `npm run -s bench:relay`: the Fleet Relay measured on this machine (issue 16, point 6), one JSON
 * document on stdout. Tagora is the simulator posting through a TLS balancer to a relay node on a
 * real nats-server; desks are the real desk code (ws, zod, resume by sequence) in two processes.
 */
const DESKS = 20
const DESK_PROCESSES = 2
/** 400 vehicles reporting every 200 ms: 2,000 fixes/s in 25-fix POSTs, about 80 POSTs a second. */
const VEHICLES = 400
const TICK_MS = 200
const WARMUP_MS = 3_000
const WINDOW_MS = 20_000
const CATCH_UP_ASSETS = 50_000
const GOAL_P99_MS = 150

function log(message: string): void {
  process.stderr.write(`[bench:relay] ${message}\n`)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A relay deployment for one measurement: NATS, the simulator as Tagora, the balancer, one node. */
interface Deployment {
  nats: NatsServer
  sim: Simulator
  balancer: RelayBalancer
  relay: RelayProcess
  organizationId: string
  close(): Promise<void>
}

async function deploy(
  vehicles: number,
  simOptions: { tickMs: number; maxEventsPerPost: number },
): Promise<Deployment> {
  const nats = await startNatsServer()
  const sim = await startSimulator({
    vehicles,
    seed: 16,
    autoTick: false,
    ...simOptions,
    network: { resolve: (host) => (host === TUNNEL_HOST ? '127.0.0.1' : undefined), ca: TUNNEL_CA },
  })
  const balancer = await startRelayBalancer()
  const relay = await startRelayBehind(balancer, { nats: nats.url, sim, node: 'bench' })
  balancer.backends = [relay.port]
  const organizationId = String((await relayHealth(relay.url)).body.organizationId)
  return {
    nats,
    sim,
    balancer,
    relay,
    organizationId,
    async close() {
      await relay.stop()
      await balancer.close()
      await sim.close()
      await nats.close()
    },
  }
}

function forkDesks(url: string, key: string, count: number) {
  const child: ChildProcess = fork(new URL('./desk-clients.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let connected = 0
  child.on('message', (reply: DeskClientsReply) => {
    if (reply.t === 'status') connected = reply.connected
  })
  const send = (message: DeskClientsMessage) => child.send(message)
  send({ t: 'start', url, key, count })
  const ask = <K extends 'poll' | 'report'>(t: K) =>
    new Promise<Extract<DeskClientsReply, { t: K }>>((resolve) => {
      const onReply = (reply: DeskClientsReply) => {
        if (reply.t !== t) return
        child.off('message', onReply)
        resolve(reply as Extract<DeskClientsReply, { t: K }>)
      }
      child.on('message', onReply)
      send({ t })
    })
  return {
    connected: () => connected,
    measure: () => send({ t: 'measure' }),
    lastSequences: async () => (await ask('poll')).lastSequences,
    report: () => ask('report'),
  }
}

async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}

async function fanOut() {
  const deployment = await deploy(VEHICLES, { tickMs: TICK_MS, maxEventsPerPost: 25 })
  const { sim, relay, nats } = deployment
  try {
    const key = await addDeskKey(nats.url, 'bench')
    const groups = Array.from({ length: DESK_PROCESSES }, () =>
      forkDesks(relay.url, key, DESKS / DESK_PROCESSES),
    )
    await until(
      () => groups.every((g) => g.connected() === DESKS / DESK_PROCESSES),
      30_000,
      'desks to connect',
    )
    log(`${DESKS} desks connected; ${VEHICLES} vehicles every ${TICK_MS} ms…`)
    let ticking = true
    let failedPosts = 0
    let lateTicks = 0
    let measuringTicks = false
    const tickMs: number[] = []
    const ticker = (async () => {
      for (let next = Date.now(); ticking; next += TICK_MS) {
        const tickStart = Date.now()
        const result = await sim.tick()
        if (measuringTicks) tickMs.push(Date.now() - tickStart)
        failedPosts += result.failedPosts
        const wait = next + TICK_MS - Date.now()
        if (wait > 0) await sleep(wait)
        else lateTicks++
      }
    })()
    await sleep(WARMUP_MS)
    for (const group of groups) group.measure()
    measuringTicks = true
    const startSeq = await streamLastSequence(nats.url, deployment.organizationId)
    const cpu0 = { relay: cpuSeconds(relay.pid), nats: cpuSeconds(nats.pid), at: Date.now() }
    const load0 = loadavg()
    await sleep(WINDOW_MS)
    const cpu1 = { relay: cpuSeconds(relay.pid), nats: cpuSeconds(nats.pid), at: Date.now() }
    const endSeq = await streamLastSequence(nats.url, deployment.organizationId)
    ticking = false
    await ticker
    const last = await streamLastSequence(nats.url, deployment.organizationId)
    // Lag is not loss: wait (up to 10 s) for every desk to reach the stream's end, then count.
    await until(
      async () =>
        (await Promise.all(groups.map((g) => g.lastSequences()))).flat().every((seq) => seq === last),
      10_000,
      'desks to reach the end of the stream',
    ).catch(() => log('some desks did not reach the end of the stream within 10 s'))
    const reports = await Promise.all(groups.map((g) => g.report()))
    const received = reports.flatMap((r) => r.received)
    const seconds = (cpu1.at - cpu0.at) / 1000
    const fixesPerSecond = (endSeq - startSeq) / seconds
    const relayCpuPercent = ((cpu1.relay - cpu0.relay) / seconds) * 100
    const latency = spread(reports.flatMap((r) => r.latencies))
    return {
      desks: DESKS,
      relayNodes: 1,
      targetFixesPerSecond: (VEHICLES * 1000) / TICK_MS,
      fixesPerSecond: round(fixesPerSecond, 0),
      windowSeconds: round(seconds, 1),
      postToDeskMs: latency,
      goalP99Ms: GOAL_P99_MS,
      p99VsGoal: round(latency.p99 / GOAL_P99_MS, 3),
      storedInStream: last,
      receivedPerDesk: { min: Math.min(...received), max: Math.max(...received) },
      lost: received.reduce((sum, n) => sum + Math.max(0, last - n), 0),
      doubled: received.reduce((sum, n) => sum + Math.max(0, n - last), 0),
      failedPosts,
      lateTicks,
      tickDeliveryMs: spread(tickMs),
      relayCpuPercentOfOneCore: round(relayCpuPercent, 1),
      relayCpuPercentPer1000FixesPerSecond: round(relayCpuPercent / (fixesPerSecond / 1000), 1),
      natsCpuPercentOfOneCore: round(((cpu1.nats - cpu0.nats) / seconds) * 100, 1),
      loadAvgDuringWindow: load0.map((n) => round(n, 2)),
    }
  } finally {
    await deployment.close()
  }
}

async function catchUp() {
  log(`catch-up: filling the KV with ${CATCH_UP_ASSETS} assets…`)
  const deployment = await deploy(CATCH_UP_ASSETS, { tickMs: 1000, maxEventsPerPost: 500 })
  const { sim, relay, nats } = deployment
  try {
    const fillStart = Date.now()
    const tick = await sim.tick()
    const fillSeconds = (Date.now() - fillStart) / 1000
    const key = await addDeskKey(nats.url, 'late-desk')
    log(`${tick.delivered} fixes stored in ${round(fillSeconds, 1)} s; a new desk connects…`)
    const store = new TelemetryStore({ clock: systemClock })
    const started = Date.now()
    let snapshotAt = 0
    const feed = new RelayFeed({
      connect: createWsRelayLink(),
      clock: systemClock,
      logger: silentLogger,
      onFixes: (events) => store.apply(events),
      onChange: () => undefined,
    })
    feed.follow(relay.url, key)
    await until(
      () => {
        if (feed.status().lastSequence !== null && snapshotAt === 0) snapshotAt = Date.now()
        return snapshotAt !== 0
      },
      120_000,
      'the snapshot',
    )
    feed.stop()
    return {
      assets: CATCH_UP_ASSETS,
      stored: tick.delivered,
      fillSeconds: round(fillSeconds, 1),
      fillFixesPerSecond: round(tick.delivered / fillSeconds, 0),
      snapshotSeconds: round((snapshotAt - started) / 1000, 2),
      assetsOnDesk: store.size,
      note: 'From the desk opening its WebSocket to the snapshot applied in its TelemetryStore (KV read with last-per-subject, frames of 1,000 fixes, zod on the desk).',
    }
  } finally {
    await deployment.close()
  }
}

const loadStart = loadavg()
const fanOutResult = await fanOut()
const catchUpResult = await catchUp()
const report = {
  machine: {
    cpus: cpus().length,
    node: process.version,
    loadAvgAtStart: loadStart.map((n) => round(n, 2)),
    loadAvgAtEnd: loadavg().map((n) => round(n, 2)),
  },
  note: 'Simulator (as Tagora), TLS balancer, relay node, nats-server and 20 desks share this machine; every figure includes the others competing for the cores.',
  fanOut: fanOutResult,
  catchUp: catchUpResult,
}
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
log(
  `fan-out p50/p99 ${fanOutResult.postToDeskMs.p50}/${fanOutResult.postToDeskMs.p99} ms at ${fanOutResult.fixesPerSecond} fixes/s, lost ${fanOutResult.lost}; catch-up of ${CATCH_UP_ASSETS} in ${catchUpResult.snapshotSeconds} s`,
)
process.exit(0)
