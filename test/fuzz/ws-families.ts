import { encodeMessage } from '../../shared/ipc/wire-codec'
import { encodeFrame, rawWebSocketSession, upgradeRequest } from '../support/raw-websocket'
import { ContractClient } from '../support/contract-client'
import { FamilyTally, runPool, sampler } from './fuzz-pool'
import type { RunControl } from './fuzz-pool'
import type { FuzzTarget } from './fuzz-target'
import { frameSequence, upgradeArbitrary, wsMessage } from './ws-inputs'
import type { WsMessage } from './ws-inputs'

/** Raw sockets at once: with the observer, well under the host's cap of 16 contract sockets. */
const RAW_CONCURRENCY = 8
/** `ws` clients sending contract messages, each with calls pipelined. */
const CLIENTS = 4
const PIPELINE = 24

/** Upgrade requests with every part sometimes wrong; a socket must open only with all of them right. */
export async function fuzzUpgrades(
  target: FuzzTarget,
  count: number,
  control: RunControl,
): Promise<FamilyTally> {
  const tally = new FamilyTally()
  const next = sampler(upgradeArbitrary(target.webPort, target.secret), control.seed + 4)
  await runPool(count, RAW_CONCURRENCY, control, async (index) => {
    const { request, mayOpen } = next(index)
    const result = await rawWebSocketSession(target.webPort, request, [], 1_500)
    tally.count(String(result.status ?? result.outcome))
    if (result.status === 101 && !mayOpen)
      tally.violate(
        `a socket opened without the secret, Host or Origin: ${request.toString('latin1').split('\r\n')[0]}`,
      )
    if (result.status !== null && result.status >= 500 && result.status !== 503)
      tally.violate(`upgrade answered ${result.status}`)
  })
  return tally
}

/**
 * Frames after a handshake: garbage, bad opcodes, RSV bits, unmasked, lying and oversized lengths,
 * broken fragments. Most with the secret (the frames reach the parser), some without (they must not).
 */
export async function fuzzFrames(
  target: FuzzTarget,
  count: number,
  control: RunControl,
): Promise<FamilyTally> {
  const tally = new FamilyTally()
  const next = sampler(frameSequence, control.seed + 5)
  const withSecret = `/contract?secret=${target.secret}`
  await runPool(count, RAW_CONCURRENCY, control, async (index) => {
    let frames = next(index)
    const authorised = index % 7 !== 0
    const upgrade = authorised
      ? upgradeRequest(target.webPort, { path: withSecret })
      : upgradeRequest(
          target.webPort,
          index % 2 ? { path: '/contract' } : { path: withSecret, headers: { Host: 'evil.example' } },
        )
    // Now and then a frame really over the 1 MiB cap, sent in full.
    if (index % 250 === 1)
      frames = [encodeFrame({ opcode: 0x1, payload: Buffer.alloc(1024 * 1024 + 1, 0x61) })]
    const result = await rawWebSocketSession(target.webPort, upgrade, frames, 1_500)
    tally.count(`${result.status ?? result.outcome}/${result.closeCode ?? '-'}`)
    if (!authorised && result.status === 101)
      tally.violate('a socket opened without the secret or with a spoofed Host')
  })
  return tally
}

/**
 * Contract messages over real `ws` clients: unknown and hostile call names, inputs the schemas must
 * refuse, text and binary framing, frames that are not calls, and oversized messages. A message that
 * must close the socket is sent alone; the client then reconnects.
 */
export async function fuzzMessages(
  target: FuzzTarget,
  count: number,
  control: RunControl,
): Promise<FamilyTally> {
  const tally = new FamilyTally()
  const next = sampler(wsMessage, control.seed + 6)
  let index = 0
  const worker = async (): Promise<void> => {
    let client = await ContractClient.open(target.origin, target.secret)
    const inFlight = new Set<Promise<void>>()
    const drain = (): Promise<unknown> => Promise.all(inFlight)
    while (index < count && !control.stopped()) {
      const message = next(index++)
      if (message.kind === 'call') {
        const pending = sendCall(client, message, tally).finally(() => inFlight.delete(pending))
        inFlight.add(pending)
        if (inFlight.size >= PIPELINE) await Promise.race(inFlight)
        continue
      }
      await drain()
      const code = await sendClosing(client, message)
      tally.count(`${message.kind} → ${code}`)
      if (!client.isOpen) {
        client.close()
        client = await ContractClient.open(target.origin, target.secret)
      }
    }
    await drain()
    client.close()
  }
  await Promise.all(Array.from({ length: CLIENTS }, worker))
  return tally
}

async function sendCall(
  client: ContractClient,
  message: Extract<WsMessage, { kind: 'call' }>,
  tally: FamilyTally,
): Promise<void> {
  const id = client.takeId()
  const frame = message.binary
    ? binaryCall({ t: 'call', id, name: message.name, input: message.input })
    : encodeMessage({ t: 'call', id, name: message.name, input: message.input })
  const outcome = await client.sendRaw(id, frame)
  const code = outcome.ok ? 'ok' : outcome.error.code
  tally.count(`call ${code}`)
  if (code === 'internal') tally.violate(`call ${String(message.name)} failed inside the host`)
  if (code === 'host-disconnected') tally.violate(`a call closed the socket: ${String(message.name)}`)
}

/** A call as a binary frame (JSON header, no arrays): the framing a tab uses for typed arrays. */
function binaryCall(message: unknown): Uint8Array {
  const encoded = encodeMessage(message)
  if (typeof encoded !== 'string') return encoded
  const header = Buffer.from(encoded)
  const frame = Buffer.alloc(4 + header.length)
  frame.writeUInt32LE(header.length, 0)
  header.copy(frame, 4)
  return frame
}

/** Sends a message that is not a well-formed call; resolves with the close code, or 'open' if the socket stayed up. */
async function sendClosing(
  client: ContractClient,
  message: Exclude<WsMessage, { kind: 'call' }>,
): Promise<string> {
  if (message.kind === 'text') client.ws.send(message.text)
  else if (message.kind === 'binary') client.ws.send(message.bytes, { binary: true })
  else client.ws.send(Buffer.alloc(1024 * 1024 + 1, 0x61))
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('open'), 300))
  return Promise.race([client.closed.then(String), timeout])
}
