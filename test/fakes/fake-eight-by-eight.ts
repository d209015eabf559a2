import type { DocumentedField, FakeReply, FakeServer, SeenRequest } from './fake-http'
import { bearerOf, objectBody, opaqueToken, saysJson, startFakeServer, unknownKeys } from './fake-http'

/** 8x8-video-token.txt and 8x8's iframe-integration page, field by field, and what this fake does. */
export const EIGHT_BY_EIGHT_DOCUMENT: readonly DocumentedField[] = [
  {
    field: 'POST /api/v1/tokens',
    document: '"POST https://video-agent.8x8.com//api/v1/tokens"',
    fake: 'the one API call (the double slash read as one); any other path or method: 404',
  },
  {
    field: 'header Content-Type',
    document: '"Content-Type string required · Default value: application/json"',
    fake: 'required on the call: anything but application/json is refused with 415',
  },
  {
    field: 'header authorization',
    document: '"Authorization: Bearer {API key}" (required)',
    fake: 'exactly "Bearer <the API key>", else 401 {message}',
  },
  {
    field: 'empty body',
    document:
      '"An empty request body will generate a token that can be used to log in an Agent … without creating a room"',
    fake: 'no body (or {}): an agent token, no room',
  },
  {
    field: 'body create_room',
    document: '"optional parameter, default is false" (boolean)',
    fake: 'a boolean or absent, else 400; true creates a room',
  },
  {
    field: 'body phone_number',
    document:
      '"optional parameter, it should be an international phone number"; "we will send the link via SMS … when an agent logins with the token"',
    fake: '+ and 8–15 digits, else 400; the SMS is recorded when the agent signs in to the portal with that token',
  },
  {
    field: 'body call_reference',
    document: '"optional parameter, it should be a string of min 8 characters and max 20 characters"',
    fake: 'a string of 8–20 characters, else 400',
  },
  {
    field: 'body, any other field',
    document: 'not in the document',
    fake: 'refused with 400',
  },
  {
    field: 'answer auth_token',
    document: '{"auth_token":"[...]E5B87qPWXyNNDHBx_LftaHarc"}',
    fake: 'an opaque token; eightFaults.emptyAnswer answers {} instead',
  },
  {
    field: 'room validity',
    document: '"Once a room is created, the validity period is 15 minutes"',
    fake: 'signing in to the portal with the token of a room older than 15 minutes: 410',
  },
  {
    field: 'Agent Portal GET /?user=&token=&mode=',
    document:
      'https://video-agent.8x8.com/?user=<agent login>&token=<auth_token>; mode=embedded: no left menu or top bar; user: an agent of the Video Interaction directory',
    fake: 'a stand-in page: token one it issued, user in its directory (else 401 page), mode embedded or absent (else 400); each visit recorded',
  },
  {
    field: 'error bodies',
    document: 'not in the document',
    fake: '{message}',
  },
]

export interface EightByEightFaults {
  /** Answer token requests with 200 but no auth_token. */
  emptyAnswer: boolean
}

/** A token the fake issued, and the room that came with it. */
export interface IssuedToken {
  token: string
  issuedAt: number
  room: { phone_number?: string; call_reference?: string } | null
}

/** A sign-in to the Agent Portal stand-in. */
export interface PortalVisit {
  user: string
  token: string
  mode: string | null
  /** Whether the stand-in let the agent in. */
  signedIn: boolean
}

export interface EightByEightFake extends FakeServer {
  eightFaults: EightByEightFaults
  /** Rooms created: phone number and call reference as sent. */
  rooms: Array<{ phone_number?: string; call_reference?: string }>
  issued: IssuedToken[]
  portalVisits: PortalVisit[]
  /** Links texted: a room's phone, sent when an agent signed in with that room's token. */
  sms: Array<{ to: string; callReference: string | null }>
}

const ROOM_VALIDITY_MS = 15 * 60_000
const PHONE = /^\+[1-9]\d{7,14}$/
const BODY_FIELDS = ['create_room', 'phone_number', 'call_reference']

/**
 * 8x8 Video Interaction and its Agent Portal, from 8x8-video-token.txt and the iframe-integration page
 * (EIGHT_BY_EIGHT_DOCUMENT says field by field). The same server plays video-agent.8x8.com's API and the
 * portal, as the real host does: a connection's base URL pointed here gets both.
 */
export async function startEightByEightFake(options: {
  apiKey: string
  /** The Video Interaction directory: agent logins the portal signs in. */
  agents?: string[]
  now?: () => number
}): Promise<EightByEightFake> {
  const now = options.now ?? Date.now
  const agents = options.agents ?? ['agent.one']
  const eightFaults: EightByEightFaults = { emptyAnswer: false }
  const rooms: EightByEightFake['rooms'] = []
  const issued: IssuedToken[] = []
  const portalVisits: PortalVisit[] = []
  const sms: EightByEightFake['sms'] = []

  function tokens(request: SeenRequest): FakeReply {
    if (!saysJson(request)) return { status: 415, body: { message: 'Content-Type must be application/json' } }
    if (bearerOf(request) !== options.apiKey || !request.headers.authorization?.startsWith('Bearer '))
      return { status: 401, body: { message: 'Invalid API key' } }
    const refused = refusal(request)
    if (refused) return { status: 400, body: { message: refused } }
    const body = objectBody(request) ?? {}
    const room =
      body.create_room === true
        ? {
            ...(typeof body.phone_number === 'string' && { phone_number: body.phone_number }),
            ...(typeof body.call_reference === 'string' && { call_reference: body.call_reference }),
          }
        : null
    if (room) rooms.push(room)
    if (eightFaults.emptyAnswer) return { status: 200, body: {} }
    const token = opaqueToken('8x8-auth')
    issued.push({ token, issuedAt: now(), room })
    return { status: 200, body: { auth_token: token } }
  }

  function portal(request: SeenRequest): FakeReply {
    const query = new URL(request.path, 'http://fake').searchParams
    const user = query.get('user') ?? ''
    const token = query.get('token') ?? ''
    const mode = query.get('mode')
    if (mode !== null && mode !== 'embedded') return page(400, 'Unknown mode')
    const grant = issued.find((entry) => entry.token === token)
    const signedIn = grant !== undefined && agents.includes(user)
    portalVisits.push({ user, token, mode, signedIn })
    if (!grant || !signedIn) return page(401, 'The agent could not be signed in')
    if (grant.room && now() - grant.issuedAt > ROOM_VALIDITY_MS) return page(410, 'This room has expired')
    if (grant.room?.phone_number)
      sms.push({ to: grant.room.phone_number, callReference: grant.room.call_reference ?? null })
    return page(200, `Agent Portal stand-in: ${user} signed in${mode ? ' (embedded)' : ''}`)
  }

  const server = await startFakeServer((request) => {
    const path = request.path.replace(/^\/\/+/, '/')
    if (path === '/api/v1/tokens') return request.method === 'POST' ? tokens(request) : notFound()
    if (request.method === 'GET' && (path === '/' || path.startsWith('/?'))) return portal(request)
    return notFound()
  }, now)
  return Object.assign(server, { eightFaults, rooms, issued, portalVisits, sms })
}

/** Why a token request's body is not what the document allows, or null. */
function refusal(request: SeenRequest): string | null {
  if (request.body === null) return null
  const body = objectBody(request)
  if (!body) return 'the body must be a JSON object'
  const extra = unknownKeys(body, BODY_FIELDS)
  if (extra.length > 0) return `unknown field ${extra.join(', ')}`
  if (body.create_room !== undefined && typeof body.create_room !== 'boolean')
    return 'create_room must be a boolean'
  const phone = body.phone_number
  if (phone !== undefined && (typeof phone !== 'string' || !PHONE.test(phone)))
    return 'phone_number must be an international phone number'
  const reference = body.call_reference
  if (
    reference !== undefined &&
    (typeof reference !== 'string' || reference.length < 8 || reference.length > 20)
  )
    return 'call_reference must be 8 to 20 characters'
  return null
}

function page(status: number, text: string): FakeReply {
  const html = `<!doctype html><meta charset="utf-8"><title>8x8 Agent Portal (stand-in)</title><p id="portal">${text}</p>`
  return { status, page: { contentType: 'text/html; charset=utf-8', text: html } }
}

const notFound = (): FakeReply => ({ status: 404, body: { message: 'not found' } })
