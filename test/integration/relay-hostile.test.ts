import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { Simulator } from '../../tools/simulator/simulator'
import { RELAY_RESUME_HEADER } from '../../shared/domain/relay-wire'
import { startTestSimulator } from '../support/app-kit'
import { NATS_MISSING, NATS_SERVER, startNatsServer } from '../support/nats-kit'
import type { NatsServer } from '../support/nats-kit'
import { relayHealth, upgradeStatus } from '../support/relay-cluster-kit'
import { addDeskKey, startRelayProcess } from '../support/relay-process'
import type { RelayProcess } from '../support/relay-process'
import { send } from '../support/webhook-client'

// Whatever reaches the relay's one port (through the balancer every client looks alike) gets an
// answer or a closed socket, never the end of the node.
if (!NATS_SERVER) console.warn(`relay hostile-input tests skipped: ${NATS_MISSING}`)

function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let text = ''
    socket.on('data', (chunk) => (text += chunk.toString()))
    socket.on('error', () => resolve(text))
    socket.on('close', () => resolve(text))
    socket.setTimeout(3000, () => socket.destroy())
  })
}

function openFeed(relay: RelayProcess, headers: Record<string, string>): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${relay.port}/feed`, { headers })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

describe.skipIf(!NATS_SERVER)('a relay node facing hostile clients', { timeout: 30_000 }, () => {
  let nats: NatsServer
  let sim: Simulator
  let relay: RelayProcess
  let key = ''

  beforeAll(async () => {
    nats = await startNatsServer()
    sim = await startTestSimulator({ vehicles: 3 })
    relay = await startRelayProcess({
      nats: nats.url,
      publicUrl: 'https://relay.example.com/tagora/events',
      node: 'hostile',
      env: {
        TAGORA_API_URL: sim.apiBaseUrl,
        TAGORA_EMAIL: sim.credentials.email,
        TAGORA_PASSWORD: sim.credentials.password,
      },
    })
    key = await addDeskKey(nats.url, 'desk-h')
  }, 60_000)

  afterAll(async () => {
    await relay?.stop()
    await sim?.close()
    await nats?.close()
  })

  it('answers every bad upgrade with a status the desk can act on', async () => {
    const base = `http://127.0.0.1:${relay.port}`
    expect(await upgradeStatus(base, '')).toBe(401)
    expect(await upgradeStatus(base, 'desk-h.not-the-secret-but-long-enough-to-look-like-one')).toBe(401)
    expect(await upgradeStatus(`${base}/other`, key)).toBe(404)
    const badResume = await rawExchange(
      relay.port,
      `GET /feed HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nAuthorization: Bearer ${key}\r\n${RELAY_RESUME_HEADER}: -1\r\n\r\n`,
    )
    expect(badResume).toMatch(/^HTTP\/1\.1 400/)
    expect(await upgradeStatus(base, key)).toBe(101)
  })

  it('closes a desk that sends a frame no desk sends, and only that desk', async () => {
    const good = await openFeed(relay, { authorization: `Bearer ${key}` })
    const rude = await openFeed(relay, { authorization: `Bearer ${key}` })
    const closed = new Promise<number>((resolve) => rude.once('close', (code) => resolve(code)))
    rude.on('error', () => undefined)
    rude.send(Buffer.alloc(64 * 1024, 1))
    expect(await closed).toBe(1009)
    expect(good.readyState).toBe(WebSocket.OPEN)
    good.terminate()
  })

  it('survives garbage on the port, unsigned and misaddressed POSTs, and a storm of dropped sockets', async () => {
    expect(await rawExchange(relay.port, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
    const unsigned = await send({ port: relay.port, body: '{}' })
    expect(unsigned).toMatchObject({ status: 401 })
    const misaddressed = await send({
      port: relay.port,
      body: '{}',
      headers: { host: 'rebind.attacker.example' },
    })
    expect(misaddressed).toMatchObject({ status: 421 })
    await Promise.all(
      Array.from({ length: 50 }, () => {
        const ws = new WebSocket(`ws://127.0.0.1:${relay.port}/feed`, {
          headers: { authorization: `Bearer ${key}` },
        })
        ws.on('error', () => undefined)
        return new Promise<void>((resolve) => {
          ws.once('open', () => {
            ws.terminate()
            resolve()
          })
          ws.once('close', () => resolve())
        })
      }),
    )
    const health = await relayHealth(relay.url)
    expect(health.status).toBe(200)
    expect(health.body).toMatchObject({ ready: true, nats: 'up' })
    // Nothing above escaped a handler: the process guards had nothing to catch.
    expect(relay.output()).not.toMatch(/uncaught|unhandled/i)
    expect(relay.output()).not.toContain(key.split('.')[1])
  })
})
