import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../ports/clock'
import { probeApi } from './api-probe'

const servers: { close(): void }[] = []
afterEach(() => servers.splice(0).forEach((s) => s.close()))

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/integration/v1`
}

describe('probeApi', () => {
  it('counts any HTTP answer as reachable and measures the round trip, sending no credentials', async () => {
    let authorization: string | undefined = 'unset'
    const url = await serve((req, res) => {
      authorization = req.headers.authorization
      res.writeHead(404).end('{"error":"nope"}')
    })
    const probe = await probeApi(url, { clock: systemClock })
    expect(probe).toMatchObject({ url, reachable: true, status: 404, problem: null })
    expect(probe.latencyMs).toBeGreaterThanOrEqual(0)
    expect(authorization).toBeUndefined()
  })

  it('reports a refused connection as its network failure', async () => {
    const url = await serve((_req, res) => res.end())
    servers.splice(0).forEach((s) => s.close())
    const probe = await probeApi(url, { clock: systemClock })
    expect(probe).toMatchObject({
      reachable: false,
      status: null,
      latencyMs: null,
      problem: { code: 'probe-unreachable', facts: { network: 'ECONNREFUSED' } },
    })
  })

  it('gives up after the timeout', async () => {
    const url = await serve(() => undefined)
    const probe = await probeApi(url, { clock: systemClock, timeoutMs: 200 })
    expect(probe).toMatchObject({
      reachable: false,
      problem: { code: 'probe-timeout', facts: { seconds: 0.2 } },
    })
  })
})
