import { SCHEME_DEFAULTS } from '../../../shared/domain/scheme-defaults'
import type { ConnectionConfig } from '../../../shared/schemas/connections'
import type { VideoPortalInput } from '../../../shared/schemas/video-portal'
import { ConnectionError } from '../../tokens/connection-error'
import { staticGrant } from '../../tokens/grant'
import { joinUrl } from '../../tokens/http'
import type { TokenScheme } from '../../tokens/scheme'
import type { TokenEngine } from '../../tokens/token-engine'

export type EightByEightConfig = Extract<ConnectionConfig, { scheme: '8x8-video' }>

/**
 * 8x8 Video Interaction (8x8-video-token.txt): the API key itself is the credential, sent as
 * `Authorization: Bearer <API key>`. It does not expire on a schedule, so nothing renews.
 */
export const eightByEightScheme: TokenScheme<EightByEightConfig> = {
  id: '8x8-video',
  obtainKind: 'static-key',
  renewal: 'none',
  rotates: false,
  ...SCHEME_DEFAULTS['8x8-video'],
  async obtain(runtime) {
    return staticGrant(await runtime.secret(), runtime.serverNow(), runtime.config.overrides.lifetimeSeconds)
  },
  present: (grant) => ({ Authorization: `Bearer ${grant.accessToken}` }),
  // An empty body asks for an agent token only: harmless, and proves the key.
  testRequest: (runtime) => ({ method: 'POST', path: runtime.path('tokens') }),
}

/**
 * The body of `POST /api/v1/tokens`. "An empty request body will generate a token that can be used to log
 * in an Agent ... without creating a room": no body at all for agent sign-in only. A room is
 * `create_room: true` with the optional `phone_number` ("we will send the link via SMS ... when an agent
 * logins with the token") and `call_reference`, each sent only when given.
 */
export function tokenRequestBody(
  input: Pick<VideoPortalInput, 'createRoom' | 'phoneNumber' | 'callReference'>,
): Record<string, unknown> | undefined {
  if (!input.createRoom) return undefined
  return {
    create_room: true,
    ...(input.phoneNumber !== '' && { phone_number: input.phoneNumber }),
    ...(input.callReference !== '' && { call_reference: input.callReference }),
  }
}

/** Asks 8x8 for an agent token (and a room, when the body says so). The token stays in the main process. */
export async function requestAgentToken(
  engine: TokenEngine<EightByEightConfig>,
  body: Record<string, unknown> | undefined,
): Promise<string> {
  const runtime = engine.runtime()
  const path = runtime.path('tokens')
  const result = await engine.request({ method: 'POST', path, ...(body && { json: body }) })
  const field = runtime.field('authToken')
  const token = (result.body as Record<string, unknown> | null)?.[field]
  if (typeof token !== 'string' || token === '')
    throw new ConnectionError({ code: 'room-token-missing', call: `POST ${path}`, facts: { field } })
  return token
}

/**
 * The Agent Portal signed in with a token: `https://video-agent.8x8.com/?user=<agent login>&token=<auth_token>`
 * (8x8's iframe-integration page), on the API's own server (the connection's base URL, path `portal`), with
 * `mode=embedded` (no left menu or top bar) when the portal sits in the app's own window.
 */
export function agentPortalUrl(
  config: EightByEightConfig,
  portalPath: string,
  token: string,
  embedded: boolean,
): string {
  const url = new URL(joinUrl(new URL(config.baseUrl).origin, portalPath))
  url.searchParams.set('user', config.agentLogin)
  url.searchParams.set('token', token)
  if (embedded) url.searchParams.set('mode', 'embedded')
  return url.href
}
