import { makeAccessToken } from './fake-jwt'
import type { FakeServer, SeenRequest } from './fake-http'
import { bearerOf, opaqueToken, startFakeServer } from './fake-http'

export interface TavioFaults {
  /** Every orgauth counts as expired (401 "token expired") until renewed or re-obtained. */
  expireOrgTokens: boolean
  /** /auth/token/renew answers 401. */
  refuseRenew: boolean
  /** /auth/token/renew answers 200 without the token fields. */
  emptyRenew: boolean
  /** Lifetime of orgauth and envauth, seconds (expiresIn). */
  lifetimeSeconds: number
}

export interface TavioFake extends FakeServer {
  tavioFaults: TavioFaults
  /** Changes the user's password (the stored one stops working). */
  setPassword(password: string): void
}

type Kind = 'org' | 'env' | 'admin'

/**
 * Tavio, from tavio-public-api.txt: orgauth by username/password at /v1/{org}/auth/login; envauth at
 * /v1/{org}/environments/{env}/connect with the orgauth as Bearer; both renewed at
 * /v1/{org}/auth/token/renew; orgadmin by OAuth 2.0 client credentials at /v1/{org}/oauth/token
 * (path, fields and error shape as decided in docs/vendor-schemes.md).
 */
export async function startTavioFake(options: {
  orgDomain: string
  username: string
  password: string
  envDomain: string
  clientId: string
  clientSecret: string
  now?: () => number
}): Promise<TavioFake> {
  const now = options.now ?? Date.now
  let password = options.password
  const tavioFaults: TavioFaults = {
    expireOrgTokens: false,
    refuseRenew: false,
    emptyRenew: false,
    lifetimeSeconds: 3600,
  }
  const tokens = new Map<string, { kind: Kind; until: number }>()
  const issue = (kind: Kind) => {
    const token = opaqueToken(`tavio-${kind}`)
    tokens.set(token, { kind, until: now() + tavioFaults.lifetimeSeconds * 1000 })
    return { token, expiresIn: tavioFaults.lifetimeSeconds }
  }
  const valid = (request: SeenRequest, kinds: Kind[]) => {
    const token = bearerOf(request) ?? ''
    const record = tokens.get(token)
    if (!record || !kinds.includes(record.kind)) return { ok: false as const, why: 'invalid token' }
    if (record.until <= now() || (record.kind === 'org' && tavioFaults.expireOrgTokens))
      return { ok: false as const, why: 'token expired' }
    return { ok: true as const, token, record }
  }
  const base = `/v1/${options.orgDomain}`
  const server = await startFakeServer((request) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const { method, path } = request
    if (method === 'POST' && path === `${base}/auth/login`) {
      if (body.username !== options.username || body.password !== password)
        return {
          status: 401,
          body: { error: { code: 'invalid_credentials', message: 'Invalid username or password' } },
        }
      return { status: 200, body: issue('org') }
    }
    if (method === 'POST' && path === `${base}/environments/${options.envDomain}/connect`) {
      const check = valid(request, ['org'])
      if (!check.ok) return { status: 401, body: { error: { code: 'unauthorized', message: check.why } } }
      return { status: 200, body: issue('env') }
    }
    if (method === 'POST' && path === `${base}/auth/token/renew`) {
      const token = bearerOf(request) ?? ''
      const record = tokens.get(token)
      if (tavioFaults.refuseRenew || !record || record.kind === 'admin')
        return { status: 401, body: { error: { code: 'unauthorized', message: 'token revoked' } } }
      if (tavioFaults.emptyRenew) return { status: 200, body: { ok: true } }
      tokens.delete(token)
      if (record.kind === 'org') tavioFaults.expireOrgTokens = false
      return { status: 200, body: issue(record.kind) }
    }
    if (method === 'POST' && path === `${base}/oauth/token`) return clientCredentials(request)
    if (method === 'GET' && path === `${base}/environments`) {
      const check = valid(request, ['org', 'env', 'admin'])
      if (!check.ok) return { status: 401, body: { error: { code: 'unauthorized', message: check.why } } }
      return {
        status: 200,
        body: { environments: [{ domain: options.envDomain }], tokenKind: check.record.kind },
      }
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'not found' } } }
  }, now)

  /** RFC 6749 §4.4: client id and secret in HTTP Basic (or the body); answers the RFC's error shape. */
  function clientCredentials(request: SeenRequest) {
    const body = (request.body ?? {}) as Record<string, string>
    let id = body.client_id
    let secret = body.client_secret
    const basic = /^Basic (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (basic) {
      const [user = '', pass = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':')
      id = decodeURIComponent(user)
      secret = decodeURIComponent(pass)
    }
    if (body.grant_type !== 'client_credentials')
      return { status: 400, body: { error: 'unsupported_grant_type' } }
    if (id !== options.clientId || secret !== options.clientSecret)
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client authentication failed' },
      }
    // The JWT exp is on the server's clock, skew included: the client must judge it by the Date header.
    const access = makeAccessToken(now() + server.faults.skewMs, tavioFaults.lifetimeSeconds, {
      scope: 'organization_admin',
    })
    tokens.set(access, { kind: 'admin', until: now() + tavioFaults.lifetimeSeconds * 1000 })
    return {
      status: 200,
      body: { access_token: access, token_type: 'Bearer', expires_in: tavioFaults.lifetimeSeconds },
    }
  }

  return Object.assign(server, { tavioFaults, setPassword: (next: string) => (password = next) })
}
