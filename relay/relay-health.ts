import type { IncomingMessage, ServerResponse } from 'node:http'
import { RELAY_HEALTH_PATH } from '../shared/domain/relay-wire'
import type { AppErrorInfo } from '../shared/domain/errors'
import { describe } from '../shared/errors/describe'
import { requestPath } from '../core/listener/request-guards'

/** What /health reports: enough for a load balancer (its status) and an operator (its body). */
export interface RelayHealth {
  node: string
  /** Signed in, webhook known, stream open: deliveries can be verified and stored. */
  ready: boolean
  nats: 'up' | 'down'
  session: string
  organizationId: string | null
  webhookId: string | null
  desks: number
  published: number
  duplicates: number
  refusedWhileDown: number
  problem: AppErrorInfo | null
}

/**
 * The relay's own routes on its port: GET /health (200 when it can take deliveries, else 503), and a
 * 503 with Retry-After for any delivery while the node is still starting, so Tagora retries it
 * rather than hearing 401 for a key this node has not loaded yet.
 */
export function relayRoutes(
  health: () => RelayHealth,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = requestPath(req.url)
    if (path === RELAY_HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      const report = health()
      const ok = report.ready && report.nats === 'up'
      const body = JSON.stringify({ ...report, problem: report.problem && describe(report.problem, 'en') })
      res.writeHead(ok ? 200 : 503, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      })
      res.end(req.method === 'HEAD' ? undefined : body)
      return true
    }
    if (req.method === 'POST' && !health().ready) {
      res.writeHead(503, { 'Retry-After': '5', Connection: 'close', 'Content-Length': 0 })
      res.end()
      return true
    }
    return false
  }
}
