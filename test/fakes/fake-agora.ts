import type { DocumentedField, FakeServer } from './fake-http'
import { startFakeServer } from './fake-http'

/** agora-rest-auth.txt, field by field, and what this fake does. */
export const AGORA_DOCUMENT: readonly DocumentedField[] = [
  {
    field: 'GET /dev/v2/project/{appId}/rtm/vendor/user_events',
    document: 'the samples\' endpoint: "https://api.agora.io/dev/v2/project/%s/rtm/vendor/user_events"',
    fake: 'that path for its App ID; another App ID: 404 "unknown App ID"',
  },
  {
    field: 'header Authorization (AccessToken2)',
    document: '"fill the Authorization: agora token= field with the Signaling SDK AccessToken2"',
    fake: 'exactly "agora token=<token2>"',
  },
  {
    field: 'headers x-agora-token + x-agora-uid (AccessToken)',
    document:
      '"fill the x-agora-token and x-agora-uid fields … The Signaling SDK AccessToken … The Signaling SDK user ID"',
    fake: 'both, and the user ID the token was made for; one without the other: 401',
  },
  { field: 'answer', document: 'not stated ("Print response body")', fake: '{result, events: []}' },
  { field: 'error bodies', document: 'not stated ("StatusCode(%d) != 2xx")', fake: '{message}' },
]

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
