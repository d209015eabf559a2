import { afterEach, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { createListenerKit, TEST_NOW } from '../../test/support/listener-kit'
import { ProbeRegistry, PROBE_HEADER } from './probe-registry'
import { send } from '../../test/support/webhook-client'
import type { Reply } from '../../test/support/webhook-client'
import type { WebhookListenerOptions } from './webhook-listener'

// What the field does that a simulator posting to 127.0.0.1 does not: tunnels keep the public Host
// and path and add X-Forwarded-*, captured bodies come back, and hostile clients hold sockets open.
const kit = createListenerKit()
const { keys } = kit
afterEach(() => kit.stopAll())

const ROUTES = [{ host: 'desk3.example.net', path: '/hooks/tagora' }]
let serial = 0
const freshEvent = () => ({ assetId: 'a1', lat: 19.4, lng: -99.1, time: TEST_NOW / 1000 - ++serial })

function start(overrides: Partial<WebhookListenerOptions> = {}) {
  return kit.start({ clock: { now: () => TEST_NOW, setTimer: () => () => undefined }, ...overrides })
}

function signedPost(
  port: number,
  body: unknown,
  options: { host?: string; path?: string; headers?: object } = {},
) {
  const raw = Buffer.from(JSON.stringify(body))
  return send({
    port,
    ...(options.path !== undefined && { path: options.path }),
    body: raw,
    headers: {
      'x-tagora-signature': keys.sign(raw),
      ...(options.host !== undefined && { host: options.host }),
      ...options.headers,
    },
  }).then(reply)
}

function reply(result: Reply | { error: string }): Reply {
  if ('error' in result) throw new Error(`connection failed: ${result.error}`)
  return result
}

describe('webhook listener: deliveries through a tunnel', () => {
  it("accepts a registered webhook's public Host, with or without a port, at its path", async () => {
    const { listener, port } = await start({ publicRoutes: () => ROUTES })
    for (const host of ['desk3.example.net', 'DESK3.example.net:443', 'desk3.example.net:8443']) {
      expect((await signedPost(port, freshEvent(), { host, path: '/hooks/tagora' })).status).toBe(200)
    }
    // A proxy that rewrites the path to the listener's own keeps working.
    expect((await signedPost(port, freshEvent(), { host: 'desk3.example.net' })).status).toBe(200)
    expect(listener.state().accepted).toBe(4)
  })

  it('still refuses every other Host (DNS rebinding) and other paths', async () => {
    const { listener, delivered, port } = await start({ publicRoutes: () => ROUTES })
    const cases: [string, string, number][] = [
      ['evil.example', '/hooks/tagora', 421],
      ['desk3.example.net.evil.example', '/hooks/tagora', 421],
      ['example.net', '/hooks/tagora', 421],
      ['desk3.example.net', '/hooks/other', 404],
      [`127.0.0.1:${port}`, '/hooks/tagora', 404],
    ]
    for (const [host, path, status] of cases) {
      expect((await signedPost(port, freshEvent(), { host, path })).status).toBe(status)
    }
    expect(delivered).toEqual([])
    expect(listener.state().rejected).toEqual({ 'bad-host': 3, 'wrong-path': 2 })
  })

  it('opens a route as soon as a webhook is registered, without a restart', async () => {
    let routes: typeof ROUTES = []
    const { port } = await start({ publicRoutes: () => routes })
    const host = 'desk3.example.net'
    expect((await signedPost(port, freshEvent(), { host, path: '/hooks/tagora' })).status).toBe(421)
    routes = ROUTES
    expect((await signedPost(port, freshEvent(), { host, path: '/hooks/tagora' })).status).toBe(200)
  })

  it('shows X-Forwarded-* in the inspector and decides nothing by them', async () => {
    const { listener, port } = await start({ publicRoutes: () => ROUTES })
    const headers = {
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'evil',
    }
    const ok = await signedPost(port, freshEvent(), {
      host: 'desk3.example.net',
      path: '/hooks/tagora',
      headers,
    })
    expect(ok.status).toBe(200)
    // A forwarded Host that names this listener does not make a foreign Host acceptable.
    const spoof = { 'x-forwarded-host': `127.0.0.1:${port}`, 'x-forwarded-for': '127.0.0.1' }
    const refused = await signedPost(port, freshEvent(), { host: 'evil.example', headers: spoof })
    expect(refused.status).toBe(421)
    const [record] = listener.recentRawEvents()
    expect(record?.forwarded).toEqual(headers)
    expect(listener.recentRawEvents()).toHaveLength(1)
  })

  it("keeps an idle connection open longer than a tunnel's pool keeps it (cloudflared 90 s, nginx 60 s)", async () => {
    // A proxy reuses its idle connection to us; had we closed it first, the POST that meets the
    // closed socket is answered 502 by the proxy and the fix is lost to Tagora's retry policy.
    const { port } = await start({ publicRoutes: () => ROUTES })
    const ok = await signedPost(port, freshEvent(), {
      host: 'desk3.example.net',
      path: '/hooks/tagora',
      headers: { connection: 'keep-alive' },
    })
    expect(ok.headers.connection).toBe('keep-alive')
    const idleSeconds = Number(/timeout=(\d+)/.exec(String(ok.headers['keep-alive']))?.[1])
    expect(idleSeconds).toBeGreaterThan(90)
  })
})

describe('webhook listener: replays', () => {
  it('answers 409 to a signed body seen before and applies it once', async () => {
    const { listener, delivered, port } = await start()
    const body = freshEvent()
    const answers = [await signedPost(port, body), await signedPost(port, body), await signedPost(port, body)]
    expect(answers.map((a) => a.status)).toEqual([200, 409, 409])
    expect(JSON.parse(answers[1]!.body)).toMatchObject({ error: 'replay' })
    await new Promise((resolve) => setImmediate(resolve))
    expect(delivered).toHaveLength(1)
    expect(listener.state()).toMatchObject({ accepted: 1, rejected: { replay: 2 } })
  })

  it('lets two identical bodies racing in flight through only once', async () => {
    const { port } = await start()
    const body = freshEvent()
    const statuses = (await Promise.all([signedPost(port, body), signedPost(port, body)])).map(
      (a) => a.status,
    )
    expect(statuses.sort()).toEqual([200, 409])
  })

  it('does not remember unsigned bodies: a forged copy cannot block the real delivery', async () => {
    const { port } = await start()
    const body = freshEvent()
    expect(reply(await send({ port, body: JSON.stringify(body) })).status).toBe(401)
    expect((await signedPost(port, body)).status).toBe(200)
  })
})

describe('webhook listener: public URL probes', () => {
  it('answers a live nonce with the secret answer, once, and touches nothing else', async () => {
    const probes = new ProbeRegistry()
    const { listener, delivered, port } = await start({ publicRoutes: () => ROUTES, probes })
    const { nonce, answer } = probes.create(TEST_NOW)
    const probe = () =>
      send({
        port,
        path: '/hooks/tagora',
        body: '{}',
        headers: { host: 'desk3.example.net', [PROBE_HEADER]: nonce },
      })
    const first = reply(await probe())
    expect(first.status).toBe(200)
    expect(JSON.parse(first.body)).toEqual({ probe: answer })
    // Spent: the same nonce again is an ordinary unsigned request.
    expect(reply(await probe()).status).toBe(401)
    expect(probes.settle(nonce)).toEqual({ kind: 'answered' })
    expect(delivered).toEqual([])
    expect(listener.state().accepted).toBe(0)
    expect(listener.recentRawEvents()).toEqual([])
  })

  it('tells the prober why a probe it sent was refused', async () => {
    const probes = new ProbeRegistry()
    const { port } = await start({ publicRoutes: () => ROUTES, probes })
    const { nonce } = probes.create(TEST_NOW)
    const headers = { host: `127.0.0.1:${port}`, [PROBE_HEADER]: nonce }
    expect(reply(await send({ port, path: '/hooks/tagora', body: '{}', headers })).status).toBe(404)
    expect(probes.settle(nonce)).toEqual({ kind: 'refused', reason: 'wrong-path', path: '/hooks/tagora' })
  })

  it('ignores an unknown or expired nonce', async () => {
    const probes = new ProbeRegistry()
    const { port } = await start({ probes })
    const { nonce } = probes.create(TEST_NOW - 120_000)
    expect(reply(await send({ port, body: '{}', headers: { [PROBE_HEADER]: nonce } })).status).toBe(401)
    expect(reply(await send({ port, body: '{}', headers: { [PROBE_HEADER]: 'guess' } })).status).toBe(401)
    expect(probes.settle(nonce)).toBeNull()
  })
})

describe('webhook listener: floods cannot starve real deliveries', () => {
  const sockets: Socket[] = []
  afterEach(() => sockets.splice(0).forEach((socket) => socket.destroy()))

  function openSocket(port: number, data: string): Promise<Socket> {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(data)
        resolve(socket)
      })
      socket.on('error', () => undefined)
      sockets.push(socket)
    })
  }

  it('cuts the oldest half-sent body when the bodies in flight are at their cap', async () => {
    const limits = { maxBodiesInFlight: 8, graceMs: 50 }
    const { listener, port } = await start({ limits, bodyTimeoutMs: 30_000 })
    const head =
      `POST /tagora/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: 1000\r\n\r\n{"assetId":`
    for (let i = 0; i < 20; i++) await openSocket(port, head)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await signedPost(port, freshEvent())).status).toBe(200)
    expect(listener.state().rejected.overloaded).toBeGreaterThan(0)
  })

  it('closes the oldest idle or header-waiting socket when connections are at their cap', async () => {
    const limits = { maxConnections: 16, graceMs: 50 }
    const { listener, port } = await start({ limits, headersTimeoutMs: 30_000 })
    for (let i = 0; i < 40; i++) await openSocket(port, `POST /tagora/events HTTP/1.1\r\nHost: x`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await signedPost(port, freshEvent())).status).toBe(200)
    expect(listener.state().rejected.overloaded).toBeGreaterThan(0)
  })

  it('never holds more than the cap: fresh work past it is refused with 503 and Retry-After', async () => {
    const limits = { maxBodiesInFlight: 4, graceMs: 60_000 }
    const { listener, port } = await start({ limits, bodyTimeoutMs: 30_000 })
    const head =
      `POST /tagora/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: 1000\r\n\r\n{`
    for (let i = 0; i < 4; i++) await openSocket(port, head)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const refused = await signedPost(port, freshEvent())
    expect(refused.status).toBe(503)
    expect(refused.headers['retry-after']).toBe('1')
    expect(listener.state().rejected).toEqual({ overloaded: 1 })
  })
})
