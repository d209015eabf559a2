import { SCHEME_DEFAULTS } from '../../../shared/domain/scheme-defaults'
import type { VideoRoomInput } from '../../../shared/schemas/connections'
import type { ConnectionConfig } from '../../../shared/schemas/connections'
import { ConnectionError } from '../../tokens/connection-error'
import { staticGrant } from '../../tokens/grant'
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
 * Creates a room for a driver: `{create_room, phone_number, call_reference}`. Input is validated by the
 * contract schema before it gets here. Returns the agent token, which stays in the main process.
 */
export async function createVideoRoom(
  engine: TokenEngine<EightByEightConfig>,
  input: Pick<VideoRoomInput, 'phoneNumber' | 'callReference'>,
): Promise<string> {
  const runtime = engine.runtime()
  const path = runtime.path('tokens')
  const result = await engine.request({
    method: 'POST',
    path,
    json: { create_room: true, phone_number: input.phoneNumber, call_reference: input.callReference },
  })
  const field = runtime.field('authToken')
  const token = (result.body as Record<string, unknown> | null)?.[field]
  if (typeof token !== 'string' || token === '')
    throw new ConnectionError({ code: 'room-token-missing', call: `POST ${path}`, facts: { field } })
  return token
}
