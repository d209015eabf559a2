import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createListenerKit } from '../support/listener-kit'
import { ProbeRegistry } from '../../core/listener/probe-registry'
import { probePublicUrl } from '../../core/webhooks/public-url-probe'
import type { ProbeDeps } from '../../core/webhooks/public-url-probe'
import { systemClock } from '../../core/ports/clock'
import { startTunnelStandIn, TUNNEL_CA, TUNNEL_HOST } from '../support/tunnel-stand-in'
import type { TunnelStandIn } from '../support/tunnel-stand-in'

// "Test the public URL" through a stand-in for cloudflared/ngrok (TLS for the public name, Host and
// path kept), and each way the route breaks in the field, said as the dispatcher will read it.
const kit = createListenerKit()
const PATH = '/tagora/events'
let listenerPort = 0
let listener: Awaited<ReturnType<typeof kit.start>>
let probes: ProbeRegistry
let tunnel: TunnelStandIn
const others: http.Server[] = []

beforeAll(async () => {
  probes = new ProbeRegistry()
  const routes = [{ host: TUNNEL_HOST, path: PATH }]
  listener = await kit.start({ probes, publicRoutes: () => routes })
  listenerPort = listener.port
  tunnel = await startTunnelStandIn({ targetPort: listenerPort })
})
afterAll(async () => {
  await tunnel.close()
  await kit.stopAll()
})
afterEach(() => {
  tunnel.target.port = listenerPort
  for (const server of others.splice(0)) server.close()
})

function deps(overrides: Partial<ProbeDeps> = {}): ProbeDeps {
  return {
    probes,
    clock: systemClock,
    listener: () => ({ port: listenerPort, path: PATH }),
    resolve: (hostname) => (hostname === TUNNEL_HOST ? '127.0.0.1' : undefined),
    ca: TUNNEL_CA,
    ...overrides,
  }
}

const webhook = (postUrl: string) => ({ webhookId: 'wh-1', postUrl })
const publicUrl = (path = PATH) => `https://${TUNNEL_HOST}:${tunnel.port}${path}`

async function plainServer(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler)
  others.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

describe('Test the public URL', () => {
  it('reaches this listener through the tunnel, with the round trip', async () => {
    const result = await probePublicUrl(webhook(publicUrl()), deps())
    expect(result).toMatchObject({
      state: 'reached',
      outcome: 'reached',
      status: 200,
      host: `${TUNNEL_HOST}:${tunnel.port}`,
    })
    expect(result.ms).toBeGreaterThanOrEqual(0)
    expect(result.ms).toBeLessThan(5000)
  })

  it('says when the tunnel runs but points at the wrong port (502)', async () => {
    tunnel.target.port = 1
    const result = await probePublicUrl(webhook(publicUrl()), deps())
    expect(result).toMatchObject({ state: 'failed', outcome: 'tunnel-error', status: 502, listenerPort })
  })

  it("says when the probe reached this desk but the listener's path is not the URL's", async () => {
    const rewriting = await startTunnelStandIn({ targetPort: listenerPort, rewriteHost: true })
    try {
      const url = `https://${TUNNEL_HOST}:${rewriting.port}/hooks/tagora`
      const result = await probePublicUrl(webhook(url), deps())
      expect(result).toMatchObject({
        outcome: 'listener-refused',
        reason: 'wrong-path',
        path: '/hooks/tagora',
        listenerPath: PATH,
        status: 404,
      })
    } finally {
      await rewriting.close()
    }
  })

  it('says when the name does not resolve', async () => {
    const result = await probePublicUrl(webhook('https://desk3.invalid/tagora/events'), deps())
    expect(result).toMatchObject({
      state: 'failed',
      outcome: 'name-not-found',
      ms: null,
      detail: 'ENOTFOUND',
    })
  })

  it('says when the secure connection fails (a certificate for another name)', async () => {
    const result = await probePublicUrl(
      webhook(`https://other.example.net:${tunnel.port}${PATH}`),
      deps({ resolve: () => '127.0.0.1' }),
    )
    expect(result).toMatchObject({
      state: 'failed',
      outcome: 'tls-failed',
      detail: 'ERR_TLS_CERT_ALTNAME_INVALID',
    })
  })

  it('says when the secure connection fails (a certificate nobody vouches for)', async () => {
    const result = await probePublicUrl(webhook(publicUrl()), deps({ ca: undefined }))
    expect(result).toMatchObject({ outcome: 'tls-failed', detail: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' })
  })

  it('says when a different server answers, even one that echoes the nonce back', async () => {
    const port = await plainServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ probe: req.headers['x-fleet-monitor-probe'] }))
    })
    const result = await probePublicUrl(
      webhook(`http://echo.example.net:${port}${PATH}`),
      deps({ resolve: () => '127.0.0.1' }),
    )
    expect(result).toMatchObject({ state: 'failed', outcome: 'other-server', status: 200 })
  })

  it('says when nothing answers in time, and when nothing accepts the connection', async () => {
    const port = await plainServer(() => undefined)
    const silent = await probePublicUrl(
      webhook(`http://slow.example.net:${port}${PATH}`),
      deps({ resolve: () => '127.0.0.1', timeoutMs: 200 }),
    )
    expect(silent).toMatchObject({ outcome: 'timed-out' })
    const closed = await probePublicUrl(webhook(`https://${TUNNEL_HOST}:1${PATH}`), deps())
    expect(closed).toMatchObject({ outcome: 'no-connection', detail: 'ECONNREFUSED' })
  })

  it('applies nothing: a probe is neither telemetry nor an inspector entry', async () => {
    const result = await probePublicUrl(webhook(publicUrl()), deps())
    expect(result.outcome).toBe('reached')
    await new Promise((resolve) => setImmediate(resolve))
    expect(listener.delivered).toEqual([])
    expect(listener.listener.state().accepted).toBe(0)
    expect(listener.listener.recentRawEvents()).toEqual([])
  })
})
