import type { VideoPortalResult } from '../../shared/domain/connections'
import { VIDEO_ROOM_VALIDITY_MS } from '../../shared/domain/connections'
import type { VideoPortalInput } from '../../shared/schemas/video-portal'
import type { Clock } from '../ports/clock'
import type { VideoPortalOpener } from '../ports/video-portal'
import { ConnectionError } from '../tokens/connection-error'
import type { TokenEngine } from '../tokens/token-engine'
import { agentPortalUrl, requestAgentToken, tokenRequestBody } from './schemes/eight-by-eight'
import type { EightByEightConfig } from './schemes/eight-by-eight'

const CALL = 'connections:open-video-portal'

/**
 * "Video call": everything that can be refused is checked first (the agent login, whether this host opens
 * a portal at that origin), so no token or room is asked for in vain. Then the token (and the room), then
 * the portal opened with it. The token goes to the host's opener and nowhere else: not to a log, a file or
 * the result.
 */
export async function openVideoPortal(parts: {
  engine: TokenEngine<EightByEightConfig>
  config: EightByEightConfig
  input: VideoPortalInput
  opener: VideoPortalOpener | undefined
  clock: Clock
}): Promise<VideoPortalResult> {
  const { engine, config, input, opener, clock } = parts
  if (config.agentLogin === '')
    throw new ConnectionError({ code: 'agent-login-required', call: CALL, facts: { name: config.name } })
  if (!opener) throw new ConnectionError({ code: 'video-portal-unavailable', call: CALL })
  const portalPath = engine.runtime().path('portal') || '/'
  const origin = new URL(config.baseUrl).origin
  const refusal = opener.refusal(origin)
  if (refusal) throw new ConnectionError({ code: refusal, call: CALL, facts: { target: origin } })
  // The room cannot be older than the request: its end is never shown later than it is.
  const sentAt = clock.now()
  const token = await requestAgentToken(engine, tokenRequestBody(input))
  const portal = await opener.open(agentPortalUrl(config, portalPath, token, opener.embedded))
  return {
    connectionId: config.id,
    agentLogin: config.agentLogin,
    room: input.createRoom
      ? {
          phoneNumber: input.phoneNumber || null,
          callReference: input.callReference || null,
          createdAt: sentAt,
          validUntil: sentAt + VIDEO_ROOM_VALIDITY_MS,
        }
      : null,
    portal,
  }
}
