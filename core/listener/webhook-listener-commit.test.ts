import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createListenerKit, TEST_NOW } from '../../test/support/listener-kit'
import { send } from '../../test/support/webhook-client'
import type { Reply } from '../../test/support/webhook-client'
import type { ParseResult } from '../telemetry/telemetry-event'
import type { WebhookListenerOptions } from './webhook-listener'

// The relay's use of the listener: verified events are stored (JetStream) before Tagora hears 2xx,
// and the host's own routes (health, the desks' WebSocket) share the port.
const kit = createListenerKit()
const { keys } = kit
const event = { assetId: 'a1', lat: 19.4, lng: -99.1, time: TEST_NOW / 1000 }
afterEach(() => kit.stopAll())

function start(overrides: Partial<WebhookListenerOptions> = {}) {
  return kit.start({ clock: { now: () => TEST_NOW, setTimer: () => () => undefined }, ...overrides })
}

function signed(port: number, body: unknown) {
  const raw = Buffer.from(JSON.stringify(body))
  return send({ port, body: raw, headers: { 'x-tagora-signature': keys.sign(raw) } })
}

const reply = (result: Reply | { error: string }): Reply => {
  if ('error' in result) throw new Error(`connection failed: ${result.error}`)
  return result
}

describe('webhook listener with a store behind it', () => {
  it('answers 2xx only after the store took the events', async () => {
    const stored: ParseResult[] = []
    const { port, listener } = await start({
      commit: async (result) => {
        await new Promise((resolve) => setTimeout(resolve, 20))
        stored.push(result)
        return true
      },
    })
    expect(reply(await signed(port, event)).status).toBe(200)
    expect(stored).toHaveLength(1)
    expect(listener.state().accepted).toBe(1)
  })

  it.each([
    ['says it could not', () => Promise.resolve(false)],
    ['throws', () => Promise.reject(new Error('NATS is down'))],
  ])(
    'answers 503 with Retry-After when the store %s, and takes the same body again later',
    async (_, fail) => {
      let working = false
      const { port, listener } = await start({ commit: () => (working ? Promise.resolve(true) : fail()) })
      const refused = reply(await signed(port, event))
      expect(refused.status).toBe(503)
      expect(refused.headers['retry-after']).toBe('5')
      expect(listener.state()).toMatchObject({ accepted: 0, rejected: { unavailable: 1 } })
      working = true
      // Tagora's retry carries the same bytes: not a replay, since nothing was taken the first time.
      expect(reply(await signed(port, event)).status).toBe(200)
      expect(reply(await signed(port, event)).status).toBe(409)
    },
  )

  it('serves the host’s own routes first, whatever the Host, and hands it upgrades', async () => {
    const upgrades: string[] = []
    const { port } = await start({
      hostRoutes: {
        handle: (req, res) => {
          if (req.url !== '/health') return false
          res.writeHead(200).end('ok')
          return true
        },
        upgrade: (req, socket) => {
          upgrades.push(req.url ?? '')
          socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n')
        },
      },
    })
    const health = reply(
      await send({ port, path: '/health', method: 'GET', headers: { host: 'lb.internal:8080' } }),
    )
    expect(health).toMatchObject({ status: 200, body: 'ok' })
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write('GET /feed HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n'),
      )
      let text = ''
      socket.on('data', (chunk) => (text += chunk.toString()))
      socket.on('close', () => resolve(text))
      socket.on('error', () => resolve(text))
    })
    expect(answer).toContain('401')
    expect(upgrades).toEqual(['/feed'])
  })

  it('answers 500 when a host route throws, and keeps serving', async () => {
    const { port } = await start({
      hostRoutes: {
        handle: () => {
          throw new Error('broken route')
        },
      },
    })
    expect(reply(await send({ port, path: '/health', method: 'GET' })).status).toBe(500)
    expect(reply(await send({ port, path: '/health', method: 'GET' })).status).toBe(500)
  })
})
