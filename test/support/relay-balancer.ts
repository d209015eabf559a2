import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import { join } from 'node:path'
import { createServer } from 'node:tls'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'tunnel')

export interface RelayBalancer {
  /** TLS, with the fixture certificate for TUNNEL_HOST: what Tagora and the desks reach. */
  port: number
  /** The relay nodes' local ports, tried in turn. */
  backends: number[]
  close(): Promise<void>
}

/**
 * Stands in for the reverse proxy in front of the relay nodes (Caddy in the compose file): TLS on the
 * public side, then each connection to the next node in turn, skipping a node that does not accept
 * (as a balancer's health check would). It works on connections, so HTTP and WebSockets pass alike,
 * with their Host and path kept.
 */
export async function startRelayBalancer(backends: number[] = []): Promise<RelayBalancer> {
  const state = { backends, next: 0 }
  const clients = new Set<Socket>()
  const server = createServer(
    { key: readFileSync(join(FIXTURES, 'desk3-key.pem')), cert: readFileSync(join(FIXTURES, 'desk3.pem')) },
    (client) => {
      clients.add(client)
      client.on('close', () => clients.delete(client))
      client.on('error', () => client.destroy())
      const order = state.backends.map((_, i) => state.backends[(state.next + i) % state.backends.length]!)
      state.next = (state.next + 1) % Math.max(1, state.backends.length)
      forward(client, order)
    },
  )
  server.on('tlsClientError', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    get backends() {
      return state.backends
    },
    set backends(ports: number[]) {
      state.backends = ports
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of clients) client.destroy()
        server.close(() => resolve())
      }),
  }
}

/** Pipes the client to the first node that accepts; a node that drops later drops the client too. */
function forward(client: Socket, order: number[]): void {
  const port = order[0]
  if (port === undefined) return void client.destroy()
  const upstream = connect(port, '127.0.0.1')
  let connected = false
  upstream.once('connect', () => {
    connected = true
    upstream.on('error', () => client.destroy())
    upstream.on('close', () => client.destroy())
    client.on('close', () => upstream.destroy())
    client.pipe(upstream)
    upstream.pipe(client)
  })
  upstream.once('error', () => {
    if (!connected) forward(client, order.slice(1))
  })
}
