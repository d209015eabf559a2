import type { Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import type { AppErrorInfo } from '../shared/domain/errors'
import { callContract } from '../shared/ipc/contract'
import type { CallName } from '../shared/ipc/contract'
import { decodeMessage, encodeMessage } from '../shared/ipc/wire-codec'
import type { ServerMessage } from '../shared/ipc/wire-protocol'
import type { CallHandlers } from '../core/app/call-handlers'
import { EventHub } from '../core/app/event-hub'
import { silentLogger } from '../core/logging/logger'
import { encodeFrame, rawWebSocketSession, upgradeRequest } from '../test/support/raw-websocket'
import { MAX_CALLS_IN_FLIGHT, MAX_MESSAGE_BYTES, attachContractSocket } from './contract-socket'
import { createHostServer } from './host-server'
import { loopbackHosts } from './request-guards'

const SECRET = 'test-secret'

/** Every call answers "not in this test" unless the test gives it a handler. */
function handlersWith(overrides: Partial<Record<CallName, () => Promise<unknown>>>): CallHandlers {
  const entries = (Object.keys(callContract) as CallName[]).map((name) => [
    name,
    overrides[name] ?? (() => Promise.reject(new Error(`${name} is not part of this test`))),
  ])
  return Object.fromEntries(entries) as CallHandlers
}

let server: Server | null = null
const clients: WebSocket[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate()
  const current = server
  server = null
  if (current)
    await new Promise<void>((resolve) => {
      current.close(() => resolve())
      current.closeAllConnections()
    })
})

async function start(
  overrides: Partial<Record<CallName, () => Promise<unknown>>> = {},
  maxClients?: number,
): Promise<number> {
  let hosts: string[] = []
  const started = createHostServer({
    allowedHosts: () => hosts,
    handle: (_req, res) => Promise.resolve(void res.writeHead(404).end()),
    logger: silentLogger,
  })
  const wss = attachContractSocket(started, {
    secret: SECRET,
    allowedHosts: () => hosts,
    allowedOrigins: () => hosts.map((host) => `http://${host}`),
    handlers: handlersWith({ 'app:get-snapshot': () => Promise.resolve({ ok: 'snapshot' }), ...overrides }),
    hub: new EventHub(),
    logger: silentLogger,
    maxClients,
  })
  started.on('close', () => wss.close())
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve))
  const port = (started.address() as AddressInfo).port
  hosts = loopbackHosts(port)
  server = started
  return port
}

function open(port: number, secret = SECRET): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/contract?secret=${secret}`, {
    origin: `http://127.0.0.1:${port}`,
  })
  clients.push(ws)
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)))
}

/** Sends one call and resolves with its outcome. */
function call(ws: WebSocket, id: number, name: string, input?: unknown): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer, isBinary: boolean): void => {
      const message = decodeMessage(isBinary ? new Uint8Array(data) : data.toString()) as ServerMessage
      if (message.t === 'result' && message.id === id) {
        ws.off('message', onMessage)
        resolve(message)
      }
    }
    ws.on('message', onMessage)
    ws.send(encodeMessage({ t: 'call', id, name, input }))
  })
}

async function stillAnswers(port: number): Promise<void> {
  const ws = await open(port)
  expect(await call(ws, 1, 'app:get-snapshot')).toEqual({
    t: 'result',
    id: 1,
    outcome: { ok: true, value: { ok: 'snapshot' } },
  })
}

describe('the contract socket', () => {
  it('closes only the socket that sent an oversized frame (1009); the host and other sockets go on', async () => {
    const port = await start()
    const bystander = await open(port)
    const offender = await open(port)
    offender.on('error', () => undefined) // the client library reports the close as an error too
    const code = closed(offender)
    offender.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1))
    expect(await code).toBe(1009)
    expect((await call(bystander, 7, 'app:get-snapshot')).t).toBe('result')
    await stillAnswers(port)
  })

  it('closes a socket on protocol errors (bad opcode, unmasked, bad UTF-8, lying length) and stays up', async () => {
    const port = await start()
    const withSecret = upgradeRequest(port, { path: `/contract?secret=${SECRET}` })
    const cases: [Buffer, number][] = [
      [encodeFrame({ opcode: 0x3, payload: Buffer.from('x') }), 1002],
      [encodeFrame({ opcode: 0x1, payload: Buffer.from('x'), mask: false }), 1002],
      [encodeFrame({ opcode: 0x1, payload: Buffer.from('x'), rsv: 4 }), 1002],
      [encodeFrame({ opcode: 0x1, payload: Buffer.from([0xff, 0xfe]) }), 1007],
      [encodeFrame({ opcode: 0x2, declaredLength: 2 ** 40 }), 1009],
      [encodeFrame({ opcode: 0x9, payload: Buffer.alloc(200) }), 1002],
    ]
    for (const [frame, expected] of cases) {
      const result = await rawWebSocketSession(port, withSecret, [frame])
      expect(result).toMatchObject({ status: 101, closeCode: expected })
    }
    await stillAnswers(port)
  })

  it('refuses a spoofed Host (421), a missing or wrong secret (401), a foreign Origin (403)', async () => {
    const port = await start()
    const session = (path: string, headers: Record<string, string | null>) =>
      rawWebSocketSession(port, upgradeRequest(port, { path, headers }), [encodeFrame({ opcode: 1 })])
    const good = `/contract?secret=${SECRET}`
    expect(await session(good, { Host: `rebind.example:${port}` })).toMatchObject({ status: 421 })
    expect(await session(good, { Host: null })).toMatchObject({ status: 421 })
    expect(await session('/contract', {})).toMatchObject({ status: 401 })
    expect(await session('/contract?secret=wrong', {})).toMatchObject({ status: 401 })
    expect(await session(good, { Origin: 'https://evil.example' })).toMatchObject({ status: 403 })
    expect(await session('/contract%', {})).toMatchObject({ status: 400 })
    expect(await session(good, {})).toMatchObject({ status: 101 })
  })

  it('drops a refused upgrade whose client keeps sending, instead of holding the connection', async () => {
    const port = await start()
    const socket = connect({ host: '127.0.0.1', port })
    socket.on('error', () => undefined)
    socket.resume() // reads (and drops) the answer, so the reset is seen
    await new Promise((resolve) => socket.once('connect', resolve))
    // No secret, then 2 MiB of frames the host never reads: a half-close alone would never complete.
    socket.write(upgradeRequest(port, { path: '/contract' }))
    socket.write(encodeFrame({ opcode: 0x2, payload: Buffer.alloc(2 * 1024 * 1024) }))
    const started = Date.now()
    await new Promise((resolve) => socket.once('close', resolve))
    expect(Date.now() - started).toBeLessThan(3_000)
    await vi.waitFor(async () => {
      const open = await new Promise<number>((resolve) => server?.getConnections((_e, n) => resolve(n)))
      expect(open).toBe(0)
    })
  })

  it('caps open sockets, and takes a new one once another closed', async () => {
    const port = await start({}, 2)
    const first = await open(port)
    await open(port)
    await expect(open(port)).rejects.toThrow(/503/)
    first.close()
    await closed(first)
    await stillAnswers(port)
  })

  it('answers a result that cannot be encoded as an internal error, not an unhandled rejection', async () => {
    const port = await start({ 'app:get-snapshot': () => Promise.resolve({ big: 1n }) })
    const ws = await open(port)
    const reply = await call(ws, 3, 'app:get-snapshot')
    expect(reply).toMatchObject({ t: 'result', id: 3, outcome: { ok: false } })
    expect((reply as { outcome: { error: AppErrorInfo } }).outcome.error.code).toBe('internal')
  })

  it('answers unknown calls and bad inputs as facts, and closes on a message that is not a call', async () => {
    const port = await start()
    const ws = await open(port)
    expect(await call(ws, 1, 'no:such-call')).toMatchObject({ outcome: { error: { code: 'unknown-call' } } })
    expect(await call(ws, 2, 'telemetry:get-asset', { assetId: 5 })).toMatchObject({
      outcome: { error: { code: 'invalid-input' } },
    })
    const code = closed(ws)
    ws.send(Buffer.from([1, 2, 3]), { binary: true })
    expect(await code).toBe(1003)
  })

  it('closes a socket with more calls in flight than any tab makes', async () => {
    const port = await start({ 'app:get-snapshot': () => new Promise(() => undefined) })
    const ws = await open(port)
    const code = closed(ws)
    for (let id = 0; id <= MAX_CALLS_IN_FLIGHT; id++)
      ws.send(encodeMessage({ t: 'call', id, name: 'app:get-snapshot', input: undefined }))
    expect(await code).toBe(1008)
  })
})
