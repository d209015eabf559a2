import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { WIRE_PATH } from '../shared/ipc/wire-protocol'
import { isAllowedHost, readRequestTarget } from './request-guards'

/** What a WebSocket upgrade is checked against; every value is read at the time of the request. */
export interface UpgradeRules {
  secret: string
  allowedHosts(): readonly string[]
  allowedOrigins(): readonly string[]
  /** Contract sockets open right now. */
  openClients(): number
  /** The real app opens one per tab (one to three): more is a runaway page or a flood. */
  maxClients: number
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The HTTP status line an upgrade is refused with, or null to accept it. Only a page this host
 * served (Origin), holding the per-launch secret, over the loopback Host, may drive the app.
 */
export function refuseUpgrade(req: IncomingMessage, rules: UpgradeRules): string | null {
  if (!isAllowedHost(req, rules.allowedHosts())) return '421 Misdirected Request'
  const target = readRequestTarget(req.url)
  if (!target.ok) return '400 Bad Request'
  if (target.pathname !== WIRE_PATH) return '404 Not Found'
  if (!sameSecret(new URLSearchParams(target.query).get('secret') ?? '', rules.secret))
    return '401 Unauthorized'
  if (!rules.allowedOrigins().includes(req.headers.origin ?? '')) return '403 Forbidden'
  if (rules.openClients() >= rules.maxClients) return '503 Service Unavailable'
  return null
}
