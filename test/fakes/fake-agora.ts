import type { FakeServer } from './fake-http'
import { startFakeServer } from './fake-http'

/** Fault switches of the Agora fake. */
export interface AgoraFaults {
  /** The token the server currently accepts is refused (expired or revoked upstream). */
  revoked: boolean
}

export interface AgoraFake extends FakeServer {
  agoraFaults: AgoraFaults
}

/**
 * Agora REST, from agora-rest-auth.txt: GET /dev/v2/project/{appId}/rtm/vendor/user_events, accepted
 * with `Authorization: agora token=<AccessToken2>` or with `x-agora-token` + `x-agora-uid` (AccessToken).
 * Error body shape is undocumented; this fake answers `{message}`.
 */
export async function startAgoraFake(options: {
  appId: string
  token2: string
  token: string
  uid: string
  now?: () => number
}): Promise<AgoraFake> {
  const agoraFaults: AgoraFaults = { revoked: false }
  const path = `/dev/v2/project/${options.appId}/rtm/vendor/user_events`
  const server = await startFakeServer((request) => {
    if (!request.path.startsWith('/dev/v2/project/')) return { status: 404, body: { message: 'not found' } }
    if (request.path !== path) return { status: 404, body: { message: 'unknown App ID' } }
    const auth = request.headers.authorization ?? ''
    const viaToken2 = auth === `agora token=${options.token2}`
    const viaToken =
      request.headers['x-agora-token'] === options.token && request.headers['x-agora-uid'] === options.uid
    if (agoraFaults.revoked || !(viaToken2 || viaToken))
      return { status: 401, body: { message: 'invalid token' } }
    return { status: 200, body: { result: 'success', events: [] } }
  }, options.now)
  return Object.assign(server, { agoraFaults })
}
