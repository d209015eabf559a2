import { makeAccessToken } from './fake-jwt'
import type { FakeServer } from './fake-http'
import { startFakeServer } from './fake-http'

export interface EightByEightFaults {
  /** Answer room requests with 200 but no auth_token. */
  emptyAnswer: boolean
}

export interface EightByEightFake extends FakeServer {
  eightFaults: EightByEightFaults
  /** Rooms created: phone number and call reference. */
  rooms: Array<{ phone_number?: string; call_reference?: string }>
}

/**
 * 8x8 Video Interaction, from 8x8-video-token.txt: POST /api/v1/tokens with `Authorization: Bearer
 * <API key>`; an empty body gives an agent token, `{create_room, phone_number, call_reference}` a room.
 * The server validates what the document states (international phone, reference of 8–20 characters).
 */
export async function startEightByEightFake(options: {
  apiKey: string
  now?: () => number
}): Promise<EightByEightFake> {
  const now = options.now ?? Date.now
  const eightFaults: EightByEightFaults = { emptyAnswer: false }
  const rooms: EightByEightFake['rooms'] = []
  const server = await startFakeServer((request) => {
    if (request.path !== '/api/v1/tokens' || request.method !== 'POST')
      return { status: 404, body: { message: 'not found' } }
    if (request.headers.authorization !== `Bearer ${options.apiKey}`)
      return { status: 401, body: { error: 'unauthorized', message: 'Invalid API key' } }
    const body = (request.body ?? {}) as {
      create_room?: unknown
      phone_number?: unknown
      call_reference?: unknown
    }
    const phone = body.phone_number
    const reference = body.call_reference
    if (phone !== undefined && (typeof phone !== 'string' || !/^\+[1-9]\d{7,14}$/.test(phone)))
      return { status: 400, body: { message: 'phone_number must be an international phone number' } }
    if (
      reference !== undefined &&
      (typeof reference !== 'string' || reference.length < 8 || reference.length > 20)
    )
      return { status: 400, body: { message: 'call_reference must be 8 to 20 characters' } }
    if (body.create_room === true) rooms.push({ phone_number: phone, call_reference: reference })
    if (eightFaults.emptyAnswer) return { status: 200, body: {} }
    return { status: 200, body: { auth_token: makeAccessToken(now(), 900, { sub: 'agent' }) } }
  }, now)
  return Object.assign(server, { eightFaults, rooms })
}
