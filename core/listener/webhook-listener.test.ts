import { afterEach, describe, expect, it } from 'vitest'
import { createListenerKit, TEST_NOW } from '../../test/support/listener-kit'
import type { WebhookListenerOptions } from './webhook-listener'
import { send } from '../../test/support/webhook-client'
import type { Reply } from '../../test/support/webhook-client'

const kit = createListenerKit()
const { keys } = kit
const NOW = TEST_NOW
const event = { assetId: 'a1', lat: 19.4, lng: -99.1, time: NOW / 1000 }
afterEach(() => kit.stopAll())

/** A listener on a frozen clock, so fix ages and timeouts are exact. */
function start(overrides: Partial<WebhookListenerOptions> = {}) {
  return kit.start({ clock: { now: () => NOW, setTimer: () => () => undefined }, ...overrides })
}

function signed(port: number, body: unknown, headers: Record<string, string> = {}) {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
  return send({ port, body: raw, headers: { 'x-tagora-signature': keys.sign(raw), ...headers } })
}

const reply = (result: Reply | { error: string }): Reply => {
  if ('error' in result) throw new Error(`connection failed: ${result.error}`)
  return result
}
const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('webhook listener: accepted POSTs', () => {
  it('verifies, parses, answers with counts, then delivers off the request path', async () => {
    const { listener, delivered, port } = await start()
    const res = reply(await signed(port, { data: [event, { ...event, lat: 'x' }] }))
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ accepted: 1, rejected: 1 })
    await tick()
    expect(delivered).toHaveLength(1)
    expect(delivered[0]!.events[0]).toMatchObject({ assetId: 'a1', fixTime: NOW, receivedAt: NOW })
    const state = listener.state()
    expect(state).toMatchObject({ state: 'listening', accepted: 1, lastEventAt: NOW, problem: null })
    expect(state.rejected).toEqual({ 'bad-position': 1 })
    expect(state.url).toBe(`http://127.0.0.1:${port}/tagora/events`)
  })

  it('accepts a charset, a query string and a registered public Host', async () => {
    const routes = [{ host: 'fleet.example.com', path: '/tagora/events' }]
    const { port } = await start({ publicRoutes: () => routes })
    const headers = { 'content-type': 'application/json; charset=UTF-8', host: 'fleet.example.com' }
    expect(reply(await signed(port, { ...event, n: 1 }, headers)).status).toBe(200)
    expect(reply(await signed(port, { ...event, n: 2 }, { host: `localhost:${port}` })).status).toBe(200)
    const raw = Buffer.from(JSON.stringify({ ...event, n: 3 }))
    const query = { port, path: '/tagora/events?source=tunnel', body: raw }
    expect(reply(await send({ ...query, headers: { 'x-tagora-signature': keys.sign(raw) } })).status).toBe(
      200,
    )
  })

  it('keeps the last signed bodies for the inspector; refused clients leave only a count', async () => {
    const { listener, port } = await start({ rawEventLog: 3 })
    await signed(port, { ...event, note: 'x'.repeat(5000) })
    await signed(port, [{ lat: 1, lng: 2 }])
    await send({ port, body: '{"attacker":"words"}' })
    await send({ port, body: '{}', headers: { 'x-tagora-signature': 'ed25519=AAAA' } })
    const records = listener.recentRawEvents()
    expect(records.map((r) => [r.accepted, r.reason])).toEqual([
      [true, undefined],
      [false, 'no-asset'],
      [false, 'no-asset'],
    ])
    expect(records[2]!.body).toBe('{"lat":1,"lng":2}')
    expect(JSON.stringify(records)).not.toContain('attacker')
    expect(listener.state().rejected).toMatchObject({ 'missing-signature': 1, 'bad-signature': 1 })
  })

  it('truncates long bodies in the inspector', async () => {
    const { listener, port } = await start()
    await signed(port, { ...event, note: 'x'.repeat(5000) })
    const [record] = listener.recentRawEvents()
    expect(record).toMatchObject({ accepted: true, truncated: true, counts: { accepted: 1, rejected: 0 } })
    expect(record!.body).toHaveLength(4096)
  })
})

describe('webhook listener: refusals', () => {
  it('refuses unsigned, badly signed, tampered and truncated bodies and applies nothing', async () => {
    const { listener, delivered, port } = await start()
    const raw = Buffer.from(JSON.stringify([event, event]))
    const signature = keys.sign(raw)
    const cases: [Buffer, Record<string, string>, number][] = [
      [raw, {}, 401],
      [raw, { 'x-tagora-signature': 'ed25519=' + 'A'.repeat(86) + '==' }, 401],
      [raw, { 'x-tagora-signature': 'not a signature' }, 401],
      [Buffer.from(raw.toString().replace('19.4', '19.5')), { 'x-tagora-signature': signature }, 401],
      [raw.subarray(0, raw.length - 10), { 'x-tagora-signature': signature }, 401],
    ]
    for (const [body, headers, status] of cases) {
      expect(reply(await send({ port, body, headers })).status).toBe(status)
    }
    await tick()
    expect(delivered).toEqual([])
    expect(listener.state()).toMatchObject({
      accepted: 0,
      rejected: { 'missing-signature': 1, 'bad-signature': 4 },
    })
  })

  it('refuses signed non-JSON with 400', async () => {
    const { listener, port } = await start()
    const res = reply(await signed(port, '{"assetId": "a1", lat'))
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body)).toMatchObject({ error: 'bad-json' })
    expect(listener.state().rejected).toEqual({ 'bad-json': 1 })
  })

  it('refuses the wrong content type, method, path and Host', async () => {
    const { listener, port } = await start()
    const body = JSON.stringify(event)
    expect(reply(await signed(port, body, { 'content-type': 'text/plain' })).status).toBe(415)
    expect(
      reply(await signed(port, body, { 'content-type': 'application/json; charset=latin1' })).status,
    ).toBe(415)
    const get = reply(await send({ port, method: 'GET' }))
    expect(get.status).toBe(405)
    expect(get.headers.allow).toBe('POST')
    expect(reply(await send({ port, path: '/other', body })).status).toBe(404)
    expect(reply(await signed(port, body, { host: 'evil.example' })).status).toBe(421)
    expect(reply(await signed(port, body, { host: `evil.example:${port}` })).status).toBe(421)
    expect(listener.state()).toMatchObject({
      accepted: 0,
      rejected: { 'unsupported-media-type': 2, 'wrong-method': 1, 'wrong-path': 1, 'bad-host': 2 },
    })
  })

  it('survives a consumer that throws and a verifier that fails', async () => {
    const failing = await start({
      onEvents: () => {
        throw new Error('store broke')
      },
    })
    expect(reply(await signed(failing.port, event)).status).toBe(200)
    await tick()
    const broken = await start({ verifier: () => Promise.reject(new Error('worker died')) })
    expect(reply(await signed(broken.port, event)).status).toBe(401)
    expect(broken.listener.state().rejected).toEqual({ 'bad-signature': 1 })
  })
})
