import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { handleLogin, handleRenew } from './auth-routes'
import type { RouteRequest, SimContext } from './context'
import { handleDevices } from './device-routes'
import { codeForStatus, createReply } from './http-kit'
import { handleSimRoute } from './sim-routes'
import { handleCreateWebhook, handleScope } from './webhook-routes'

export const API_PREFIX = '/integration/v1'

type ApiRoute = 'login' | 'renew' | 'devices' | 'webhook' | 'scope'

interface Match {
  route: ApiRoute
  method: 'GET' | 'POST'
  run: (ctx: SimContext, r: RouteRequest) => void | Promise<void>
}

function matchApi(segments: string[]): Match | null {
  const [a, b, c, extra] = segments
  if (a === 'auth' && b === 'login' && c === undefined)
    return { route: 'login', method: 'POST', run: handleLogin }
  if (a === 'auth' && b === 'renew' && c === undefined)
    return { route: 'renew', method: 'POST', run: handleRenew }
  if (a === 'devices' && b === undefined) return { route: 'devices', method: 'GET', run: handleDevices }
  if (a === 'webhook' && b === undefined)
    return { route: 'webhook', method: 'POST', run: handleCreateWebhook }
  if (a === 'webhook' && b && c === 'scope' && extra === undefined) {
    return { route: 'scope', method: 'GET', run: (ctx, r) => handleScope(ctx, r, b) }
  }
  return null
}

async function handleApi(ctx: SimContext, r: RouteRequest): Promise<void> {
  const match = matchApi(r.segments)
  if (!match) return r.reply.error(404, 'not_found', `no route ${r.req.method ?? ''} ${r.url.pathname}`)
  if (r.req.method !== match.method) {
    return r.reply.error(405, 'method_not_allowed', `${r.url.pathname} accepts ${match.method}`, {
      Allow: match.method,
    })
  }
  const latency = ctx.faults.state().latencyMs
  if (latency > 0) await sleep(latency)
  const failure = ctx.faults.takeFailure(match.route)
  if (failure) {
    r.req.resume()
    const headers: Record<string, string> = failure.status === 429 ? { 'Retry-After': '1' } : {}
    return r.reply.error(failure.status, codeForStatus(failure.status), 'injected failure', headers)
  }
  await match.run(ctx, r)
}

/** The HTTP entry point: envelope, routing, and a 500 instead of a crash for any handler bug. */
export function createRequestHandler(ctx: SimContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const reply = createReply(res, () => ctx.faults.now())
    const url = new URL(req.url ?? '/', 'http://simulator.invalid')
    const handle = async (): Promise<void> => {
      if (url.pathname.startsWith(`${API_PREFIX}/`)) {
        const segments = url.pathname
          .slice(API_PREFIX.length + 1)
          .split('/')
          .filter(Boolean)
          .map(decodeURIComponent)
        return handleApi(ctx, { req, reply, url, segments })
      }
      if (url.pathname.startsWith('/__sim/')) {
        const segments = url.pathname.slice(1).split('/').filter(Boolean).map(decodeURIComponent)
        return handleSimRoute(ctx, { req, reply, url, segments })
      }
      reply.error(404, 'not_found', `no route ${req.method ?? ''} ${url.pathname}`)
    }
    handle().catch((error: unknown) => {
      reply.error(500, 'internal_error', error instanceof Error ? error.message : 'unexpected error')
    })
  }
}
