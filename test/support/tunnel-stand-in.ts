import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'tunnel')

/** The public name the fixture certificate is for, and the CA that signed it (trusted by tests only). */
export const TUNNEL_HOST = 'desk3.example.net'
export const TUNNEL_CA = readFileSync(join(FIXTURES, 'ca.pem'))

export interface TunnelStandIn {
  /** The local port the tunnel's public side listens on (TLS, certificate for TUNNEL_HOST). */
  port: number
  /** Where it forwards to; change it to stand in for a tunnel pointed at the wrong port. */
  target: { port: number }
  /** Requests it forwarded, as the listener received them. */
  forwarded: number
  close(): Promise<void>
}

/**
 * Stands in for cloudflared or ngrok: TLS on the public side with a certificate for the public
 * name, then every request forwarded to the local listener with its Host and path kept, adding
 * X-Forwarded-For/-Proto/-Host like they do. Nothing to forward to answers 502, as they do.
 * `rewriteHost` acts like `ngrok http --host-header=rewrite`: the Host becomes the local address.
 */
export async function startTunnelStandIn(options: {
  targetPort: number
  rewriteHost?: boolean
}): Promise<TunnelStandIn> {
  // A fresh connection per request: a listener restarted on a new path must not meet a stale socket.
  const agent = new http.Agent({ keepAlive: false })
  const state = { target: { port: options.targetPort }, forwarded: 0 }
  const server = https.createServer(
    { key: readFileSync(join(FIXTURES, 'desk3-key.pem')), cert: readFileSync(join(FIXTURES, 'desk3.pem')) },
    (req, res) => {
      const headers = { ...req.headers }
      headers['x-forwarded-for'] = req.socket.remoteAddress ?? ''
      headers['x-forwarded-proto'] = 'https'
      headers['x-forwarded-host'] = req.headers.host ?? ''
      if (options.rewriteHost) headers.host = `127.0.0.1:${state.target.port}`
      const upstream = http.request(
        { host: '127.0.0.1', port: state.target.port, method: req.method, path: req.url, headers, agent },
        (answer) => {
          state.forwarded++
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
        res.end('Bad Gateway: the origin did not answer')
      })
      req.pipe(upstream)
    },
  )
  server.on('clientError', (_error, socket) => socket.destroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    get target() {
      return state.target
    },
    get forwarded() {
      return state.forwarded
    },
    close: () =>
      new Promise((resolve) => {
        agent.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
