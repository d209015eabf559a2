import type { DocumentedField, FakeReply, FakeServer, SeenRequest } from './fake-http'
import { bearerOf, objectBody, opaqueToken, saysJson, startFakeServer, unknownKeys } from './fake-http'

/** nugios-auth.txt, field by field, and what this fake does. */
export const NUGIOS_DOCUMENT: readonly DocumentedField[] = [
  {
    field: 'login and refresh URLs',
    document: '"Request URL - [POST]" with nothing after it, for both calls',
    fake: 'no path of its own: each test names them (NUGIOS_TEST_PATHS by default); a GET or other method on them: 405',
  },
  {
    field: 'header Content-Type',
    document: '"Content-Type: Specify this header as application/json" (with the headers for every request)',
    fake: 'required on every request, GET included: otherwise 415',
  },
  {
    field: 'header X-nugios-timezone',
    document: '"Header Value: 240 - Adjust this value to match your local timezone offset in minutes"',
    fake: 'required on every request: an integer of minutes (-720…840), else 400; echoed by the probe',
  },
  {
    field: 'login body',
    document: '{"login": "string", "password": "string"}',
    fake: 'exactly these two strings; another field or type: 400; wrong values: 401',
  },
  {
    field: 'refresh body',
    document: '{"refreshToken": "string"}',
    fake: 'exactly this string; another field: 400; unknown, expired or rotated-away token: 401',
  },
  {
    field: 'answer of both calls',
    document:
      '{"accessToken": "string", "refreshToken": "string", "passwordExpired": true}; AuthResponse: accessToken nullable, refreshToken nullable, passwordExpired boolean',
    fake: 'tokens and passwordExpired false; nugiosFaults.passwordExpired answers exactly {accessToken: null, refreshToken: null, passwordExpired: true}',
  },
  {
    field: 'token lifetimes',
    document: '"accessToken - 43200 min", "refreshToken - 2591968 sec"',
    fake: 'enforced: an older access token gets 401 on the probe, an older refresh token 401 on refresh',
  },
  {
    field: 'refresh rotation',
    document: 'the refresh answer has the same shape, refreshToken included',
    fake: 'a new refreshToken each refresh, the old one revoked (nugiosFaults.rotate, default on)',
  },
  {
    field: 'header Authorization',
    document: '"Header Value: Bearer [Your Token Here]" on every request after authentication',
    fake: 'the probe (GET /api/me, the fake’s own: no protected call is documented) needs a live access token',
  },
  { field: 'error bodies', document: 'the "Error" section is empty', fake: '{message}' },
]

/** Paths the tests give their Nugios connections: clearly the fake's, not a guess at the vendor's. */
export const NUGIOS_TEST_PATHS = { login: '/nugios-fake/sign-in', refresh: '/nugios-fake/refresh' } as const

export interface NugiosFaults {
  /** Login and refresh answer `{accessToken: null, refreshToken: null, passwordExpired: true}`. */
  passwordExpired: boolean
  /** Refresh answers 401 (refresh token revoked). */
  refuseRefresh: boolean
  /** Refresh answers 200 with a body lacking the token fields. */
  emptyRefresh: boolean
  /** Refresh hands out a new refreshToken and revokes the old one (default on). */
  rotate: boolean
}

export interface NugiosFake extends FakeServer {
  nugiosFaults: NugiosFaults
  /** Revokes every access token now (e.g. to provoke a 401 on the next call). */
  revokeAccess(): void
}

const ACCESS_LIFETIME_MS = 43_200 * 60_000
const REFRESH_LIFETIME_MS = 2_591_968_000

/**
 * Nugios, from nugios-auth.txt (NUGIOS_DOCUMENT says field by field): `{login, password}` →
 * `{accessToken, refreshToken, passwordExpired}`, refresh with `{refreshToken}`, Bearer on every call,
 * `Content-Type: application/json` and `X-nugios-timezone` on every request.
 */
export async function startNugiosFake(options: {
  login: string
  password: string
  paths?: { login: string; refresh: string }
  now?: () => number
}): Promise<NugiosFake> {
  const now = options.now ?? Date.now
  const paths = options.paths ?? NUGIOS_TEST_PATHS
  const nugiosFaults: NugiosFaults = {
    passwordExpired: false,
    refuseRefresh: false,
    emptyRefresh: false,
    rotate: true,
  }
  const access = new Map<string, number>()
  const refresh = new Map<string, number>()
  const expired = { accessToken: null, refreshToken: null, passwordExpired: true }
  const grant = (keepRefresh?: string) => {
    const accessToken = opaqueToken('nugios-access')
    access.set(accessToken, now() + ACCESS_LIFETIME_MS)
    const refreshToken = keepRefresh ?? opaqueToken('nugios-refresh')
    if (!keepRefresh) refresh.set(refreshToken, now() + REFRESH_LIFETIME_MS)
    return { accessToken, refreshToken, passwordExpired: false }
  }

  function login(request: SeenRequest): FakeReply {
    const body = objectBody(request)
    const refused = bodyRefusal(body, ['login', 'password'])
    if (refused) return refused
    if (body?.login !== options.login || body.password !== options.password)
      return { status: 401, body: { message: 'Invalid login or password' } }
    return { status: 200, body: nugiosFaults.passwordExpired ? expired : grant() }
  }

  function refreshCall(request: SeenRequest): FakeReply {
    const body = objectBody(request)
    const refused = bodyRefusal(body, ['refreshToken'])
    if (refused) return refused
    const token = String(body?.refreshToken)
    const until = refresh.get(token)
    if (nugiosFaults.refuseRefresh || until === undefined || until <= now())
      return { status: 401, body: { message: 'Refresh token is invalid' } }
    if (nugiosFaults.passwordExpired) return { status: 200, body: expired }
    if (nugiosFaults.emptyRefresh) return { status: 200, body: { passwordExpired: false } }
    if (nugiosFaults.rotate) refresh.delete(token)
    return { status: 200, body: grant(nugiosFaults.rotate ? undefined : token) }
  }

  const server = await startFakeServer((request) => {
    if (!saysJson(request)) return { status: 415, body: { message: 'Content-Type must be application/json' } }
    const timezone = request.headers['x-nugios-timezone'] ?? ''
    if (!/^-?\d+$/.test(timezone) || Number(timezone) < -720 || Number(timezone) > 840)
      return { status: 400, body: { message: 'X-nugios-timezone header is required (minutes)' } }
    const { method, path } = request
    if (path === paths.login || path === paths.refresh) {
      if (method !== 'POST') return { status: 405, body: { message: 'Method not allowed' } }
      return path === paths.login ? login(request) : refreshCall(request)
    }
    if (method === 'GET' && path === '/api/me') {
      const until = access.get(bearerOf(request) ?? '')
      if (until === undefined || until <= now()) return { status: 401, body: { message: 'Unauthorized' } }
      return { status: 200, body: { login: options.login, timezone: Number(timezone) } }
    }
    return { status: 404, body: { message: 'not found' } }
  }, now)
  return Object.assign(server, { nugiosFaults, revokeAccess: () => access.clear() })
}

/** A body that is not the documented object of strings: 400, naming what is wrong. */
function bodyRefusal(body: Record<string, unknown> | null, fields: readonly string[]): FakeReply | null {
  if (!body) return { status: 400, body: { message: 'The body must be a JSON object' } }
  const extra = unknownKeys(body, fields)
  if (extra.length > 0) return { status: 400, body: { message: `Unknown field ${extra.join(', ')}` } }
  const wrong = fields.filter((field) => typeof body[field] !== 'string')
  if (wrong.length > 0) return { status: 400, body: { message: `${wrong.join(', ')} must be a string` } }
  return null
}
