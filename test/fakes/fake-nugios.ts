import type { FakeServer } from './fake-http'
import { bearerOf, opaqueToken, startFakeServer } from './fake-http'

export interface NugiosFaults {
  /** Login and refresh answer passwordExpired: true. */
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

/** 30 days for both tokens, as documented. */
const LIFETIME_MS = 30 * 24 * 3600 * 1000

/**
 * Nugios, from nugios-auth.txt: `{login, password}` → `{accessToken, refreshToken, passwordExpired}`,
 * refresh with `{refreshToken}`, Bearer on every call plus X-nugios-timezone. Paths (undocumented) as
 * decided in docs/vendor-schemes.md; GET /api/me is this fake's protected probe.
 */
export async function startNugiosFake(options: {
  login: string
  password: string
  now?: () => number
}): Promise<NugiosFake> {
  const now = options.now ?? Date.now
  const nugiosFaults: NugiosFaults = {
    passwordExpired: false,
    refuseRefresh: false,
    emptyRefresh: false,
    rotate: true,
  }
  const access = new Map<string, number>()
  const refresh = new Map<string, number>()
  const grant = (keepRefresh?: string) => {
    const accessToken = opaqueToken('nugios-access')
    access.set(accessToken, now() + LIFETIME_MS)
    const refreshToken = keepRefresh ?? opaqueToken('nugios-refresh')
    if (!keepRefresh) refresh.set(refreshToken, now() + LIFETIME_MS)
    return { accessToken, refreshToken, passwordExpired: nugiosFaults.passwordExpired }
  }
  const server = await startFakeServer((request) => {
    if (!request.headers['x-nugios-timezone']?.match(/^-?\d+$/))
      return { status: 400, body: { message: 'X-nugios-timezone header is required' } }
    const body = (request.body ?? {}) as Record<string, unknown>
    if (request.method === 'POST' && request.path === '/api/auth/login') {
      if (body.login !== options.login || body.password !== options.password)
        return { status: 401, body: { message: 'Invalid login or password' } }
      return { status: 200, body: grant() }
    }
    if (request.method === 'POST' && request.path === '/api/auth/refresh-token') {
      const token = typeof body.refreshToken === 'string' ? body.refreshToken : ''
      const until = refresh.get(token)
      if (nugiosFaults.refuseRefresh || until === undefined || until <= now())
        return { status: 401, body: { message: 'Refresh token is invalid' } }
      if (nugiosFaults.emptyRefresh) return { status: 200, body: { passwordExpired: false } }
      if (nugiosFaults.rotate) refresh.delete(token)
      return { status: 200, body: grant(nugiosFaults.rotate ? undefined : token) }
    }
    if (request.method === 'GET' && request.path === '/api/me') {
      const until = access.get(bearerOf(request) ?? '')
      if (until === undefined || until <= now()) return { status: 401, body: { message: 'Unauthorized' } }
      return {
        status: 200,
        body: { login: options.login, timezone: Number(request.headers['x-nugios-timezone']) },
      }
    }
    return { status: 404, body: { message: 'not found' } }
  }, now)
  return Object.assign(server, { nugiosFaults, revokeAccess: () => access.clear() })
}
