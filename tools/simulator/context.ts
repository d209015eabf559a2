import type { IncomingMessage } from 'node:http'
import type { DeviceRegistry } from './device-registry'
import type { Directory } from './directory'
import type { FaultController } from './faults'
import type { Reply } from './http-kit'
import type { AccessClaims } from './jwt'
import type { TokenService } from './tokens'
import type { FleetControls } from './types'
import type { WebhookRegistry } from './webhooks'

/** Everything a route handler may touch: the simulator's state behind small interfaces. */
export interface SimContext {
  allowLoopbackWebhooks: boolean
  faults: FaultController
  tokens: TokenService
  directory: Directory
  devices: DeviceRegistry
  webhooks: WebhookRegistry
  fleet: FleetControls
}

/** One request, already parsed down to what handlers need. */
export interface RouteRequest {
  req: IncomingMessage
  reply: Reply
  url: URL
  /** Path segments after the prefix, e.g. ['webhook', '<id>', 'scope']. */
  segments: string[]
}

/**
 * Checks the Bearer JWT (signature, exp by the server clock, scope). On failure it answers the
 * request itself and returns null.
 */
export function authenticate(ctx: SimContext, { req, reply }: RouteRequest): AccessClaims | null {
  const header = req.headers.authorization ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match?.[1]) {
    reply.error(401, 'unauthorized', 'Authorization: Bearer <accessToken> is required', {
      'WWW-Authenticate': 'Bearer',
    })
    return null
  }
  const result = ctx.tokens.verify(match[1])
  if (!result.ok) {
    const expired = result.reason === 'expired'
    reply.error(
      401,
      expired ? 'token_expired' : 'invalid_token',
      expired ? 'accessToken has expired' : 'accessToken is invalid',
      { 'WWW-Authenticate': `Bearer error="invalid_token"` },
    )
    return null
  }
  if (result.claims.scope !== 'integration') {
    reply.error(403, 'insufficient_scope', 'accessToken lacks scope "integration"')
    return null
  }
  return result.claims
}
