import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import type { RelayLinkEvents } from '../../core/ports/relay-link'
import { createWsRelayLink } from '../../core/adapters/ws-relay-link'

type Seen = { event: string; value?: unknown }[]

function recorder(): { seen: Seen; events: RelayLinkEvents; ended: Promise<void> } {
  const seen: Seen = []
  let end: () => void = () => undefined
  const ended = new Promise<void>((resolve) => (end = resolve))
  const events: RelayLinkEvents = {
    opened: () => seen.push({ event: 'opened' }),
    message: (text) => seen.push({ event: 'message', value: text }),
    refused: (status) => (seen.push({ event: 'refused', value: status }), end()),
    failed: (code) => (seen.push({ event: 'failed', value: code }), end()),
    closed: (code) => (seen.push({ event: 'closed', value: code }), end()),
  }
  return { seen, events, ended }
}

const servers: { close(): void }[] = []
afterEach(() => servers.splice(0).forEach((server) => server.close()))

async function relayStandIn(onUpgrade: (wss: WebSocketServer) => void, status?: number): Promise<number> {
  const http = createServer()
  const wss = new WebSocketServer({ noServer: true })
  http.on('upgrade', (req, socket, head) => {
    if (status) return void socket.end(`HTTP/1.1 ${status} No\r\nContent-Length: 0\r\n\r\n`)
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })
  onUpgrade(wss)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  servers.push({ close: () => (wss.close(), http.close(), http.closeAllConnections()) })
  return (http.address() as AddressInfo).port
}

describe('the desk’s relay link over ws', () => {
  it('sends the key and the resume point, and hands frames over', async () => {
    const heard: Record<string, string | undefined>[] = []
    const port = await relayStandIn((wss) =>
      wss.on('connection', (ws, req) => {
        heard.push({ auth: req.headers.authorization, resume: req.headers['x-fleet-resume-after'] as string })
        ws.send('{"t":"hello"}')
        ws.close(4001, 'key revoked')
      }),
    )
    const { seen, events, ended } = recorder()
    createWsRelayLink()({ url: `ws://127.0.0.1:${port}/feed`, key: 'k.secret', resumeAfter: 41 }, events)
    await ended
    expect(heard).toEqual([{ auth: 'Bearer k.secret', resume: '41' }])
    expect(seen).toEqual([
      { event: 'opened' },
      { event: 'message', value: '{"t":"hello"}' },
      { event: 'closed', value: 4001 },
    ])
  })

  it('reports the HTTP status a relay refuses the upgrade with, and a relay nobody runs', async () => {
    const port = await relayStandIn(() => undefined, 401)
    const refused = recorder()
    createWsRelayLink()({ url: `ws://127.0.0.1:${port}/feed`, key: 'k', resumeAfter: null }, refused.events)
    await refused.ended
    expect(refused.seen).toEqual([{ event: 'refused', value: 401 }])
    const closedPort = await relayStandIn(() => undefined)
    servers.splice(0).forEach((server) => server.close())
    const failed = recorder()
    createWsRelayLink()(
      { url: `ws://127.0.0.1:${closedPort}/feed`, key: 'k', resumeAfter: null },
      failed.events,
    )
    await failed.ended
    expect(failed.seen).toEqual([{ event: 'failed', value: 'ECONNREFUSED' }])
  })

  it('gives up on a relay that went silent, so the desk reconnects instead of waiting forever', async () => {
    const port = await relayStandIn((wss) => wss.on('connection', () => undefined))
    const { seen, events, ended } = recorder()
    createWsRelayLink({ silenceMs: 150 })(
      { url: `ws://127.0.0.1:${port}/feed`, key: 'k', resumeAfter: null },
      events,
    )
    await ended
    expect(seen).toEqual([{ event: 'opened' }, { event: 'closed', value: 1006 }])
  })
})
