import { generateKeyPairSync } from 'node:crypto'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { TelemetryEvent } from './fleet'
import { createDeliverer } from './webhook-delivery'
import type { Deliverer } from './webhook-delivery'

const key = generateKeyPairSync('ed25519').privateKey
const event: TelemetryEvent = {
  assetId: 'asset-1',
  deviceId: 'device-1',
  serial: 'SN1',
  lat: 19.43,
  lng: -99.13,
  speed: 30,
  heading: 90,
  timestamp: '2026-12-04T12:00:00.000Z',
  ignition: true,
  odometerKm: 1,
}

/**
 * A listener that answers the first request on each connection and keeps it open, then resets the
 * connection when a second request arrives on it: the moment a server's keep-alive timeout closes an
 * idle socket just as the client writes its next POST there, made deterministic. With `resetAll`
 * every request is reset, fresh connection or not.
 */
async function startResettingListener(resetAll = false) {
  const state = { connections: 0, answered: 0 }
  const server = net.createServer((socket) => {
    state.connections++
    let requests = 0
    socket.on('error', () => {})
    socket.on('data', (chunk) => {
      if (!chunk.toString('latin1').startsWith('POST ')) return
      requests++
      if (resetAll || requests > 1) {
        socket.resetAndDestroy()
        return
      }
      state.answered++
      socket.write('HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tagora/events`
  return { state, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

describe('webhook delivery over kept-alive sockets', () => {
  let deliverer: Deliverer
  let listener: Awaited<ReturnType<typeof startResettingListener>>
  afterEach(async () => {
    deliverer.close()
    await listener.close()
  })
  const start = async (resetAll = false) => {
    listener = await startResettingListener(resetAll)
    deliverer = createDeliverer({ maxEventsPerPost: 50, timeoutMs: 2000, encoding: 'base64', prefix: false })
  }

  it('resends a POST that met a socket the server had closed, on a fresh connection', async () => {
    await start()
    expect(await deliverer.deliver(listener.url, key, [event], false)).toEqual({
      delivered: 1,
      failedPosts: 0,
    })
    expect(await deliverer.deliver(listener.url, key, [event], false)).toEqual({
      delivered: 1,
      failedPosts: 0,
    })
    expect(listener.state).toEqual({ connections: 2, answered: 2 })
  })

  it('counts a reset on a fresh connection as a failed POST, without retrying it', async () => {
    await start(true)
    expect(await deliverer.deliver(listener.url, key, [event], false)).toEqual({
      delivered: 0,
      failedPosts: 1,
    })
    expect(listener.state.connections).toBe(1)
  })
})
