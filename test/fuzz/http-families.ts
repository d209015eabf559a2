import { rawRequest } from '../support/raw-http'
import type { RawReply } from '../support/raw-http'
import { FamilyTally, runPool, sampler, seededRandom } from './fuzz-pool'
import type { RunControl } from './fuzz-pool'
import type { FuzzTarget } from './fuzz-target'
import { rawHttpRequest } from './http-inputs'
import { AUTHENTIC_KINDS, WebhookInputs } from './webhook-inputs'
import type { Fix, WebhookInput, WebhookKind } from './webhook-inputs'

/** Raw HTTP connections in flight at once: well under both servers' connection caps. */
const HTTP_CONCURRENCY = 12

/**
 * How a raw input's connection ends, rotated per input: half-closed at once (a client gone before
 * the answer), soon after, or left open until an answer or our short deadline.
 */
function sendMode(index: number): { endAfterMs: number | null; timeoutMs: number } {
  const mode = index % 4
  return mode === 0
    ? { endAfterMs: 0, timeoutMs: 1_000 }
    : mode === 3
      ? { endAfterMs: null, timeoutMs: 400 }
      : { endAfterMs: 30, timeoutMs: 1_000 }
}

const outcomeOf = (reply: RawReply): string => (reply.status === null ? reply.outcome : String(reply.status))

/** Request lines, headers and bodies of every kind against the browser host's HTTP server. */
export async function fuzzHostHttp(
  target: FuzzTarget,
  count: number,
  control: RunControl,
): Promise<FamilyTally> {
  const tally = new FamilyTally()
  const next = sampler(rawHttpRequest({ port: target.webPort, path: '/' }), control.seed + 1)
  await runPool(count, HTTP_CONCURRENCY, control, async (index) => {
    const input = next(index)
    const reply = await rawRequest(target.webPort, input, sendMode(index))
    tally.count(outcomeOf(reply))
    if (reply.status !== null && reply.status >= 500) tally.violate(`browser host answered ${reply.status}`)
  })
  return tally
}

/** The same generator aimed at the listener (its path, POSTs, content types); nothing here is signed. */
export async function fuzzListenerHttp(
  target: FuzzTarget,
  count: number,
  control: RunControl,
): Promise<FamilyTally> {
  const tally = new FamilyTally()
  const next = sampler(
    rawHttpRequest({ port: target.listenerPort, path: target.listenerPath }),
    control.seed + 2,
  )
  await runPool(count, HTTP_CONCURRENCY, control, async (index) => {
    const input = next(index)
    const reply = await rawRequest(target.listenerPort, input, sendMode(index))
    tally.count(outcomeOf(reply))
    if (reply.status === 500) tally.violate('listener answered 500')
    if (reply.status !== null && reply.status >= 200 && reply.status < 300)
      tally.violate(`an unsigned request was accepted: ${input.subarray(0, 80).toString('latin1')}`)
  })
  return tally
}

/** What the signature family learned: the store must end up holding exactly this. */
export interface SignedOutcome {
  tally: FamilyTally
  /** Sum of `accepted` over every 2xx answer: the listener's counter must have moved by this. */
  acceptedByAnswers: number
  /** Authentic inputs that got no answer (their events may or may not have been applied). */
  unansweredAuthentic: number
  /** Events those unanswered inputs could have added to the counter at most. */
  unansweredEventsAtMost: number
  /** The latest accepted fix of each checked asset. */
  latest: Map<string, Fix>
  /** Assets a valid body without an answer carried: their last fix is not known for sure. */
  uncertain: Set<string>
  /** Replays sent after the listener had answered their original, by status: never a 2xx. */
  replayStatuses: Record<string, number>
  /** Replays sent while their original was still in flight, by status. */
  racingReplayStatuses: Record<string, number>
}

const KIND_WEIGHTS: [WebhookKind, number][] = [
  ['valid', 25],
  ['replay', 5],
  ['signed-hostile', 10],
  ['missing', 8],
  ['empty', 4],
  ['garbage', 12],
  ['truncated', 10],
  ['mutated-body', 14],
  ['wrong-key', 8],
  ['other-body', 4],
]

function pickKind(random: () => number): WebhookKind {
  let roll = random() * KIND_WEIGHTS.reduce((sum, [, w]) => sum + w, 0)
  for (const [kind, weight] of KIND_WEIGHTS) if ((roll -= weight) < 0) return kind
  return 'valid'
}

function webhookPost(target: FuzzTarget, input: WebhookInput): Buffer {
  const signature = input.signature === null ? '' : `X-Tagora-Signature: ${input.signature}\r\n`
  const head =
    `POST ${target.listenerPath} HTTP/1.1\r\nHost: 127.0.0.1:${target.listenerPort}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${input.body.length}\r\n${signature}Connection: close\r\n\r\n`
  return Buffer.concat([Buffer.from(head, 'latin1'), input.body])
}

function acceptedIn(reply: RawReply): number {
  const text = reply.received.toString('utf8')
  try {
    const json = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { accepted?: unknown }
    return typeof json.accepted === 'number' ? json.accepted : 0
  } catch {
    return 0
  }
}

/** Signatures missing, wrong, truncated, over a mutated body, by another key; and authentic ones. */
export async function fuzzSignatures(
  target: FuzzTarget,
  count: number,
  control: RunControl,
): Promise<SignedOutcome> {
  const tally = new FamilyTally()
  const random = seededRandom(control.seed + 3)
  const inputs = new WebhookInputs(target.signingKey, random)
  const outcome: SignedOutcome = {
    tally,
    acceptedByAnswers: 0,
    unansweredAuthentic: 0,
    unansweredEventsAtMost: 0,
    latest: new Map(),
    uncertain: new Set(),
    replayStatuses: {},
    racingReplayStatuses: {},
  }
  await runPool(count, HTTP_CONCURRENCY / 2, control, async () => {
    const input = inputs.next(pickKind(random))
    const racing = input.kind === 'replay' && !input.original?.answered
    const reply = await rawRequest(target.listenerPort, webhookPost(target, input), {
      endAfterMs: null,
      readToClose: true,
      timeoutMs: 15_000,
    })
    const status = reply.status
    if (input.kind === 'valid' && input.original) input.original.answered = true
    tally.count(`${input.kind}${racing ? ' (racing)' : ''} ${status ?? reply.outcome}`)
    const ok = status !== null && status >= 200 && status < 300
    if (input.kind === 'replay') {
      const counts = racing ? outcome.racingReplayStatuses : outcome.replayStatuses
      counts[String(status)] = (counts[String(status)] ?? 0) + 1
      if (ok && !racing)
        tally.violate(`a replay of an answered body was accepted: ${input.body.subarray(0, 80).toString()}`)
    }
    if (ok) outcome.acceptedByAnswers += acceptedIn(reply)
    if (status === 500) tally.violate(`listener answered 500 to a ${input.kind} input`)
    if (!AUTHENTIC_KINDS.has(input.kind)) {
      if (ok) tally.violate(`a ${input.kind} input was accepted: ${input.body.subarray(0, 80).toString()}`)
      return
    }
    if (status === null) {
      outcome.unansweredAuthentic++
      outcome.unansweredEventsAtMost += input.kind === 'signed-hostile' ? 5_000 : 3
      for (const fix of input.fixes ?? []) outcome.uncertain.add(fix.assetId)
      return
    }
    // A racing replay may be the copy that got applied: its fixes count like the original's.
    if ((input.kind === 'valid' || input.kind === 'replay') && ok) {
      if (acceptedIn(reply) !== input.fixes?.length)
        tally.violate(`a valid body was only partly accepted: ${input.body.toString()}`)
      for (const fix of input.fixes ?? []) {
        const held = outcome.latest.get(fix.assetId)
        if (!held || fix.fixTime > held.fixTime) outcome.latest.set(fix.assetId, fix)
      }
    }
  })
  return outcome
}
