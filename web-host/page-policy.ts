import type { IncomingMessage } from 'node:http'
import { contentSecurityPolicy } from '../shared/net/content-security-policy'

/**
 * The browser host's page policy, built for each request: its connections go only to this server
 * (the port the request arrived on, under the two loopback names the Host check admits), its
 * images only to the tile server the settings name now, so a changed tile URL applies at the next
 * page load without a restart.
 */
export function browserHostPagePolicy(tileUrl: () => string): (req: IncomingMessage) => string {
  return (req) => {
    const port = req.socket.localPort
    // A socket already torn down has no port: such a page could not connect anywhere anyway.
    const hostOrigins = port ? [`http://127.0.0.1:${port}`, `http://localhost:${port}`] : []
    return contentSecurityPolicy({ hostOrigins, tileUrl: tileUrl() })
  }
}
