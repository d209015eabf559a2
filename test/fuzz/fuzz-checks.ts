import type { AssetDetail } from '../../shared/domain/telemetry'
import { plainGet, rawRequest } from '../support/raw-http'
import type { FamilyTally } from './fuzz-pool'
import type { FuzzTarget } from './fuzz-target'
import type { SignedOutcome } from './http-families'

/** After the run and a full collection, the heap (with Buffers) must be within this of its baseline. */
export const HEAP_SLACK_BYTES = 16 * 1024 * 1024
const MiB = 1024 * 1024

/** The run's numbers, printed as JSON by `npm run fuzz`. */
export interface FuzzReport {
  seed: number
  inputs: { total: number; byFamily: Record<string, number> }
  durationMs: number
  crashes: number
  exit: { code: number | null; signal: string | null } | null
  /** Host RSS: at start, after the warm-up (the baseline), highest during the run, and after it. */
  rssMiB: { start: number; baseline: number; peak: number; after: number }
  /**
   * Heap used plus external memory after a full collection, after the warm-up and after the run:
   * what the host keeps. RSS above is reported, not judged: when the process gives memory back to
   * the system is V8's and malloc's choice, not a leak.
   */
  heapMiB: { baseline: number; after: number }
  /** How long after the last input the heap was back within the slack of its baseline. */
  settleMs: number
  listener: {
    acceptedBefore: number
    acceptedAfter: number
    acceptedByAnswers: number
    unansweredAuthentic: number
    replayStatuses: Record<string, number>
    racingReplayStatuses: Record<string, number>
  }
  store: { checkedAssets: number; mismatched: string[]; forgedAssets: string[] }
  outcomes: Record<string, Record<string, number>>
  /** Error lines the host logged; `failed` are those that mean a handler or the process failed. */
  hostErrors: { total: number; failed: number; sample: string[] }
  failures: string[]
}

/** What the run did, for the checks. */
export interface RunFacts {
  tallies: Map<string, FamilyTally[]>
  signed: SignedOutcome[]
  acceptedBefore: number
  start: number
  baseline: number
  peak: number
  after: number
  heapBaseline: number
  heapAfter: number
  settleMs: number
  durationMs: number
  seed: number
}

/** Everything the run must prove, read from the host once the inputs stopped. */
export async function check(target: FuzzTarget, facts: RunFacts): Promise<FuzzReport> {
  const failures: string[] = []
  const exit = target.host.exitStatus()
  if (exit)
    failures.push(`the host exited (${exit.code ?? exit.signal}): ${target.host.output().slice(-2_000)}`)
  const byFamily: Record<string, number> = {}
  const outcomes: Record<string, Record<string, number>> = {}
  for (const [family, tallies] of facts.tallies) {
    byFamily[family] = tallies.reduce((sum, t) => sum + t.sent, 0)
    outcomes[family] = {}
    for (const tally of tallies) {
      for (const [key, n] of Object.entries(tally.outcomes))
        outcomes[family][key] = (outcomes[family][key] ?? 0) + n
      failures.push(...tally.violations.map((v) => `${family}: ${v}`))
    }
  }
  const report: FuzzReport = {
    seed: facts.seed,
    inputs: { total: Object.values(byFamily).reduce((a, b) => a + b, 0), byFamily },
    durationMs: facts.durationMs,
    crashes: exit ? 1 : 0,
    exit,
    rssMiB: {
      start: round(facts.start / MiB),
      baseline: round(facts.baseline / MiB),
      peak: round(facts.peak / MiB),
      after: round(facts.after / MiB),
    },
    heapMiB: { baseline: round(facts.heapBaseline / MiB), after: round(facts.heapAfter / MiB) },
    settleMs: facts.settleMs,
    listener: {
      acceptedBefore: facts.acceptedBefore,
      acceptedAfter: facts.acceptedBefore,
      acceptedByAnswers: facts.signed.reduce((sum, s) => sum + s.acceptedByAnswers, 0),
      unansweredAuthentic: facts.signed.reduce((sum, s) => sum + s.unansweredAuthentic, 0),
      replayStatuses: mergeCounts(facts.signed.map((s) => s.replayStatuses)),
      racingReplayStatuses: mergeCounts(facts.signed.map((s) => s.racingReplayStatuses)),
    },
    store: { checkedAssets: 0, mismatched: [], forgedAssets: [] },
    outcomes,
    hostErrors: hostErrors(target.host.output()),
    failures,
  }
  if (exit) return report
  if (facts.heapAfter > facts.heapBaseline + HEAP_SLACK_BYTES)
    failures.push(
      `memory did not return near its baseline in ${facts.settleMs} ms: heap ${report.heapMiB.baseline} → ${report.heapMiB.after} MiB after a full collection`,
    )
  await checkStillServes(target, failures)
  await checkStore(target, facts, report)
  if (report.hostErrors.failed > 0)
    failures.push(
      `the host logged ${report.hostErrors.failed} failures: ${report.hostErrors.sample.join(' | ')}`,
    )
  return report
}

async function checkStillServes(target: FuzzTarget, failures: string[]): Promise<void> {
  const page = await rawRequest(target.webPort, plainGet(target.webPort), { endAfterMs: null })
  if (page.status !== 200) failures.push(`the page no longer loads (${page.status ?? page.outcome})`)
  const unsigned = Buffer.from(
    `POST ${target.listenerPath} HTTP/1.1\r\nHost: 127.0.0.1:${target.listenerPort}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
  )
  const listener = await rawRequest(target.listenerPort, unsigned, { endAfterMs: null })
  if (listener.status !== 401)
    failures.push(`the listener no longer answers (${listener.status ?? listener.outcome})`)
}

/** Zero forged events in the store: the counter moved only by what authentic inputs were told, and positions are the authentic ones. */
async function checkStore(target: FuzzTarget, facts: RunFacts, report: FuzzReport): Promise<void> {
  const { failures } = report
  const snapshot = await target.snapshot()
  report.listener.acceptedAfter = snapshot.listener.accepted
  const moved = snapshot.listener.accepted - facts.acceptedBefore
  const atMost =
    report.listener.acceptedByAnswers + facts.signed.reduce((sum, s) => sum + s.unansweredEventsAtMost, 0)
  if (moved < report.listener.acceptedByAnswers || moved > atMost)
    failures.push(
      `the listener accepted ${moved} events, but its answers to authentic inputs add up to ${report.listener.acceptedByAnswers}`,
    )
  report.store.forgedAssets = snapshot.telemetry.newSlots
    .map((s) => s.assetId)
    .filter((id) => /evil/i.test(id) || /^fuzz-ok/.test(id))
  if (report.store.forgedAssets.length > 0)
    failures.push(`forged assets reached the store: ${report.store.forgedAssets.join(', ')}`)
  const latest = new Map(facts.signed.flatMap((s) => [...s.latest]))
  const uncertain = new Set(facts.signed.flatMap((s) => [...s.uncertain]))
  for (const [assetId, fix] of latest) {
    if (uncertain.has(assetId)) continue
    report.store.checkedAssets++
    const outcome = await target.observer.call('telemetry:get-asset', { assetId })
    const held = outcome.ok ? (outcome.value as AssetDetail | null) : null
    if (held?.lat !== fix.lat || held.lng !== fix.lng || held.fixTime !== fix.fixTime)
      report.store.mismatched.push(
        `${assetId}: expected ${JSON.stringify(fix)}, store holds ${JSON.stringify(held)}`,
      )
  }
  failures.push(...report.store.mismatched)
}

function mergeCounts(counts: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const c of counts) for (const [k, n] of Object.entries(c)) out[k] = (out[k] ?? 0) + n
  return out
}

/** Log lines that mean something failed while handling input (not, say, a keychain missing at start). */
const FAILED =
  /uncaught exception|unhandled promise rejection|request failed|dispatch failed|could not answer|could not be encoded|upgrade failed/

function hostErrors(output: string): FuzzReport['hostErrors'] {
  const lines = output.split('\n').filter((line) => line.includes('"level":"error"'))
  const failed = lines.filter((line) => FAILED.test(line))
  return {
    total: lines.length,
    failed: failed.length,
    sample: failed.slice(0, 3).map((l) => l.slice(0, 400)),
  }
}
const round = (n: number): number => Math.round(n * 10) / 10
