import { afterEach, describe, expect, it } from 'vitest'
import { describe as describeError } from '../../shared/errors/describe'
import { connect } from 'node:net'
import { createListenerKit, TEST_NOW as NOW } from '../../test/support/listener-kit'
import { dripRaw, send } from '../../test/support/webhook-client'

const kit = createListenerKit()
const { keys, create, start } = kit
afterEach(() => kit.stopAll())

describe('webhook listener: size and time limits', () => {
  it('refuses a declared oversized body with 413 before reading it', async () => {
    const { listener, port } = await start({ maxBodyBytes: 1000 })
    const result = await send({ port, body: 'x'.repeat(5000) })
    expect(result).toMatchObject({ status: 413 })
    expect(listener.state().rejected).toEqual({ 'too-large': 1 })
  })

  it('stops reading a chunked body at the limit', async () => {
    const { listener, port } = await start({ maxBodyBytes: 1000 })
    const head = `POST /tagora/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n`
    const chunk = `200\r\n${'x'.repeat(512)}\r\n`
    const answer = await dripRaw(port, [head + 'Transfer-Encoding: chunked\r\n\r\n', chunk, chunk, chunk], 5)
    expect(answer).toMatch(/^HTTP\/1\.1 413/)
    expect(listener.state().rejected).toEqual({ 'too-large': 1 })
  })

  it('answers a slow-drip body with 408 and counts a timeout', async () => {
    const { listener, delivered, port } = await start({ bodyTimeoutMs: 150 })
    const body = JSON.stringify({ assetId: 'a', lat: 1, lng: 2 })
    const head =
      `POST /tagora/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `X-Tagora-Signature: ${keys.sign(Buffer.from(body))}\r\nContent-Length: ${body.length}\r\n\r\n`
    const answer = await dripRaw(port, [head, ...body.split('')], 40)
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
    expect(listener.state().rejected).toEqual({ timeout: 1 })
    expect(delivered).toEqual([])
  })

  it('answers slow-drip headers with 408 and counts a timeout', async () => {
    const { listener, port } = await start({ headersTimeoutMs: 150 })
    const head = `POST /tagora/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`
    const answer = await dripRaw(port, [head, ...'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.split('')], 40)
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
    expect(listener.state().rejected).toEqual({ timeout: 1 })
  })

  it('ignores a client that hangs up mid-body', async () => {
    const { listener, delivered, port } = await start()
    const head =
      `POST /tagora/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `X-Tagora-Signature: x\r\nContent-Length: 100\r\n\r\n{"assetId":`
    const socket = connect(port, '127.0.0.1')
    socket.on('error', () => undefined)
    await new Promise<void>((resolve) => socket.write(head, () => resolve()))
    await new Promise((resolve) => setTimeout(resolve, 20))
    socket.destroy()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(listener.state()).toMatchObject({ accepted: 0, state: 'listening' })
    expect(delivered).toEqual([])
  })
})

describe('webhook listener: lifecycle', () => {
  it('reports a port in use as an error state and keeps the first listener serving', async () => {
    const first = await start()
    const second = create({ port: first.port })
    const changes: string[] = []
    second.listener.onStateChange((s) => changes.push(s.state))
    const state = await second.listener.start()
    expect(state).toMatchObject({ state: 'error', url: null, problem: { code: 'port-in-use' } })
    expect(describeError(state.problem!, 'en')).toBe(
      `Port ${first.port} is already in use by another program. ` +
        'Choose another port in Fleet setup → Local listener, or stop the other program.',
    )
    expect(changes).toEqual(['error'])
    const body = Buffer.from(JSON.stringify({ assetId: 'a', lat: 1, lng: 2 }))
    const result = await send({ port: first.port, body, headers: { 'x-tagora-signature': keys.sign(body) } })
    expect('status' in result && result.status).toBe(200)
  })

  it('reports an invalid port without throwing, and starts, stops and restarts', async () => {
    const bad = create({ port: 70_000 })
    expect((await bad.listener.start()).state).toBe('error')
    const { listener } = create()
    const changes: string[] = []
    listener.onStateChange((s) => changes.push(s.state))
    const [a, b] = await Promise.all([listener.start(), listener.start()])
    expect(a.url).toBe(b.url)
    await listener.stop()
    expect(listener.state()).toMatchObject({ state: 'off', url: null })
    expect((await listener.start()).state).toBe('listening')
    expect(changes).toEqual(['listening', 'off', 'listening'])
  })
})

describe('webhook listener: burst', () => {
  it('accepts and counts 10,000 events sent as 20 POSTs of 500 within a second', async () => {
    const { listener, delivered, port } = await start()
    const bodies = Array.from({ length: 20 }, (_, p) =>
      Buffer.from(
        JSON.stringify({
          events: Array.from({ length: 500 }, (_, i) => ({
            assetId: `asset-${p * 500 + i}`,
            lat: 19 + i / 1000,
            lng: -99 - p / 1000,
            speed: 30,
            heading: 90,
            timestamp: new Date(NOW).toISOString(),
            ignition: true,
          })),
        }),
      ),
    )
    const started = performance.now()
    const results = await Promise.all(
      bodies.map((body) => send({ port, body, headers: { 'x-tagora-signature': keys.sign(body) } })),
    )
    const elapsed = performance.now() - started
    expect(results.every((r) => 'status' in r && r.status === 200)).toBe(true)
    await new Promise((resolve) => setImmediate(resolve))
    expect(listener.state().accepted).toBe(10_000)
    expect(delivered.reduce((n, batch) => n + batch.events.length, 0)).toBe(10_000)
    expect(elapsed).toBeLessThan(1000)
  })
})
