import { HEAP_SLACK_BYTES, check } from './fuzz-checks'
import type { FuzzReport, RunFacts } from './fuzz-checks'
import type { FamilyTally, RunControl } from './fuzz-pool'
import { startFuzzTarget } from './fuzz-target'
import type { FuzzTarget } from './fuzz-target'
import { sendKnownCases } from './known-cases'
import { fuzzHostHttp, fuzzListenerHttp, fuzzSignatures } from './http-families'
import type { SignedOutcome } from './http-families'
import { fuzzFrames, fuzzMessages, fuzzUpgrades } from './ws-families'

/** Share of the inputs each family gets. */
const SHARES = {
  'host-http': 0.28,
  'listener-http': 0.18,
  'listener-signature': 0.2,
  'ws-upgrade': 0.08,
  'ws-frames': 0.1,
  'ws-messages': 0.16,
} as const
type Family = keyof typeof SHARES

/** Warm-up inputs: JIT, pools and caches settle before the memory baseline is read. */
const WARM_UP_INPUTS = 600
/**
 * How long the heap may take to come back: sockets the run left half-closed are let go by their
 * deadlines (a few seconds), and until then they hold their buffers.
 */
const SETTLE_MAX_MS = 30_000

/** Starts a browser host, throws `total` inputs at it and its listener, then checks what it kept. */
export async function runFuzz(options: {
  total: number
  seed: number
  /** Longest wait for memory to come back after the run (default SETTLE_MAX_MS). */
  settleMaxMs?: number
  log?: (line: string) => void
}): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined)
  const target = await startFuzzTarget()
  let peak = target.rss()
  const sampler = setInterval(() => (peak = Math.max(peak, target.rss())), 100)
  const control: RunControl = { seed: options.seed, stopped: () => target.host.exitStatus() !== null }
  const tallies = new Map<string, FamilyTally[]>()
  const signed: SignedOutcome[] = []
  const runFamilies = async (total: number, seedOffset: number): Promise<void> => {
    const phase: RunControl = { ...control, seed: options.seed + seedOffset }
    const families = Object.keys(SHARES) as Family[]
    let left = total
    for (const [i, family] of families.entries()) {
      // The last family takes what rounding left, so a run sends exactly the inputs it was asked for.
      const count = i === families.length - 1 ? left : Math.round(total * SHARES[family])
      left -= count
      const started = Date.now()
      const tally = await runFamily(family, target, count, phase, signed)
      tallies.set(family, [...(tallies.get(family) ?? []), tally])
      log(`${family}: ${tally.sent} inputs in ${Date.now() - started} ms`)
    }
  }
  const started = Date.now()
  const start = target.rss()
  const facts: RunFacts = {
    tallies,
    signed,
    acceptedBefore: 0,
    start,
    baseline: start,
    peak,
    after: start,
    heapBaseline: 0,
    heapAfter: 0,
    settleMs: 0,
    durationMs: 0,
    seed: options.seed,
  }
  try {
    facts.acceptedBefore = (await target.snapshot()).listener.accepted
    tallies.set('known-cases', [await sendKnownCases(target)])
    await runFamilies(Math.min(WARM_UP_INPUTS, Math.round(options.total / 10)), 1_000_000)
    facts.baseline = await lowestRss(target, 1_000)
    facts.heapBaseline = heapBytes(await target.heapAfterGc())
    await runFamilies(options.total - sumSent(tallies), 0)
    facts.durationMs = Date.now() - started
    log('waiting for memory to come back')
    Object.assign(
      facts,
      await settle(target, facts.heapBaseline + HEAP_SLACK_BYTES, options.settleMaxMs ?? SETTLE_MAX_MS),
    )
  } catch (error) {
    // A host that died mid-run makes the next send fail: the death is the finding, reported below.
    await sleep(500)
    if (target.host.exitStatus() === null) {
      await target.stop()
      throw error
    }
    facts.durationMs = Date.now() - started
  } finally {
    clearInterval(sampler)
  }
  try {
    log('checking what the host kept')
    return await check(target, { ...facts, peak })
  } finally {
    log('stopping the host')
    await target.stop()
  }
}

function runFamily(
  family: Family,
  target: FuzzTarget,
  count: number,
  control: RunControl,
  signed: SignedOutcome[],
): Promise<FamilyTally> {
  switch (family) {
    case 'host-http':
      return fuzzHostHttp(target, count, control)
    case 'listener-http':
      return fuzzListenerHttp(target, count, control)
    case 'listener-signature':
      return fuzzSignatures(target, count, control).then((outcome) => (signed.push(outcome), outcome.tally))
    case 'ws-upgrade':
      return fuzzUpgrades(target, count, control)
    case 'ws-frames':
      return fuzzFrames(target, count, control)
    case 'ws-messages':
      return fuzzMessages(target, count, control)
  }
}

function sumSent(tallies: Map<string, FamilyTally[]>): number {
  return [...tallies.values()].flat().reduce((sum, t) => sum + t.sent, 0)
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** The lowest RSS over a quiet moment. */
async function lowestRss(target: FuzzTarget, ms: number): Promise<number> {
  let lowest = Number.POSITIVE_INFINITY
  for (let waited = 0; waited < ms; waited += 100) {
    await sleep(100)
    lowest = Math.min(lowest, target.rss())
  }
  return lowest
}

/** Waits, with no input, until the heap after a full collection is at most `goal` or `maxMs` passed. */
async function settle(
  target: FuzzTarget,
  goal: number,
  maxMs: number,
): Promise<{ after: number; heapAfter: number; settleMs: number }> {
  const started = Date.now()
  let heapAfter = heapBytes(await target.heapAfterGc())
  while (heapAfter > goal && Date.now() - started < maxMs && target.host.exitStatus() === null) {
    await sleep(1_000)
    heapAfter = Math.min(heapAfter, heapBytes(await target.heapAfterGc()))
  }
  return { after: target.rss(), heapAfter, settleMs: Date.now() - started }
}

function heapBytes(heap: { heapUsed: number; external: number }): number {
  return heap.heapUsed + heap.external
}
