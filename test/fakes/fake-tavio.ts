import { makeAccessToken } from './fake-jwt'
import type { DocumentedField, FakeReply, FakeServer, SeenRequest } from './fake-http'
import { bearerOf, objectBody, opaqueToken, saysJson, startFakeServer, unknownKeys } from './fake-http'

/** tavio-public-api.txt, field by field, and what this fake does ("our reading" where it is silent). */
export const TAVIO_DOCUMENT: readonly DocumentedField[] = [
  {
    field: 'orgauth login path',
    document: '"obtained by authenticating with a username and password at /v1/{orgdomain}/auth/login"',
    fake: 'that path; another org domain: 404',
  },
  {
    field: 'orgauth login method and body',
    document: 'not stated',
    fake: 'our reading by default, POST {username, password} as JSON; `reading` changes both (a test of the overrides); another method: 405, another field: 400',
  },
  {
    field: 'envauth connect',
    document:
      '"via /v1/{orgdomain}/environments/{envdomain}/connect … requires the orgauth as a bearer token"',
    fake: 'Bearer orgauth required (401 otherwise); method not stated: POST by default (`reading.connect`), else 405',
  },
  {
    field: 'renew',
    document: '"both orgauth and envauth tokens can be renewed by calling /v1/{orgdomain}/auth/token/renew"',
    fake: 'the token being renewed as Bearer; method not stated: POST by default (`reading.renew`), else 405',
  },
  {
    field: 'token answers',
    document: 'not stated',
    fake: 'our reading {token, expiresIn}',
  },
  {
    field: 'orgadmin token',
    document:
      '"obtained via the oauth 2 0 client credentials flow"; client generated with "the api organization admin scope and the client credentials grant type"',
    fake: 'RFC 6749 §4.4 at /v1/{org}/oauth/token (path ours): form body, grant_type=client_credentials, client in HTTP Basic or the body; scope absent (the client’s own) or organization_admin, else 400 invalid_scope',
  },
  {
    field: 'list environments',
    document: '"environments create, list, retrieve, update, and delete customer environments"',
    fake: 'GET /v1/{org}/environments (path ours) with any live token',
  },
  {
    field: 'error bodies',
    document: 'not stated',
    fake: '{error: {code, message}}; RFC 6749 §5.2 for the token endpoint',
  },
]

/** The methods and login body names the fake expects: our reading by default, changed by tests of overrides. */
export interface TavioReading {
  login: string
  connect: string
  renew: string
  usernameField: string
  passwordField: string
}

const OUR_READING: TavioReading = {
  login: 'POST',
  connect: 'POST',
  renew: 'POST',
  usernameField: 'username',
  passwordField: 'password',
}

/** The one admin scope the fake knows (our name for "the api organization admin scope"). */
export const TAVIO_ADMIN_SCOPE = 'organization_admin'

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
  /** The scope of each client-credentials request, as received (null: no scope parameter). */
  scopesSeen: Array<string | null>
}

type Kind = 'org' | 'env' | 'admin'

/**
 * Tavio, from tavio-public-api.txt (TAVIO_DOCUMENT says field by field): orgauth by username/password at
 * /v1/{org}/auth/login; envauth at /v1/{org}/environments/{env}/connect with the orgauth as Bearer; both
 * renewed at /v1/{org}/auth/token/renew; orgadmin by OAuth 2.0 client credentials.
 */
export async function startTavioFake(options: {
  orgDomain: string
  username: string
  password: string
  envDomain: string
  clientId: string
  clientSecret: string
  /** Methods and login body names where the document is silent: our reading unless a test says otherwise. */
  reading?: Partial<TavioReading>
  now?: () => number
}): Promise<TavioFake> {
  const now = options.now ?? Date.now
  const reading = { ...OUR_READING, ...options.reading }
  const scopesSeen: Array<string | null> = []
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
  function login(request: SeenRequest): FakeReply {
    const body = objectBody(request)
    const fields = [reading.usernameField, reading.passwordField]
    if (!saysJson(request) || !body) return invalid('the body must be JSON')
    const extra = unknownKeys(body, fields)
    if (extra.length > 0) return invalid(`unknown field ${extra.join(', ')}`)
    if (body[reading.usernameField] !== options.username || body[reading.passwordField] !== password)
      return {
        status: 401,
        body: { error: { code: 'invalid_credentials', message: 'Invalid username or password' } },
      }
    return { status: 200, body: issue('org') }
  }

  function renew(request: SeenRequest): FakeReply {
    const token = bearerOf(request) ?? ''
    const record = tokens.get(token)
    if (tavioFaults.refuseRenew || !record || record.kind === 'admin')
      return { status: 401, body: { error: { code: 'unauthorized', message: 'token revoked' } } }
    if (tavioFaults.emptyRenew) return { status: 200, body: { ok: true } }
    tokens.delete(token)
    if (record.kind === 'org') tavioFaults.expireOrgTokens = false
    return { status: 200, body: issue(record.kind) }
  }

  const base = `/v1/${options.orgDomain}`
  /** Path → the method the fake expects there and its handler. */
  const routes: Record<string, [string, (request: SeenRequest) => FakeReply]> = {
    [`${base}/auth/login`]: [reading.login, login],
    [`${base}/environments/${options.envDomain}/connect`]: [
      reading.connect,
      (request) => {
        const check = valid(request, ['org'])
        if (!check.ok) return { status: 401, body: { error: { code: 'unauthorized', message: check.why } } }
        return { status: 200, body: issue('env') }
      },
    ],
    [`${base}/auth/token/renew`]: [reading.renew, renew],
    [`${base}/oauth/token`]: ['POST', (request) => clientCredentials(request)],
    [`${base}/environments`]: [
      'GET',
      (request) => {
        const check = valid(request, ['org', 'env', 'admin'])
        if (!check.ok) return { status: 401, body: { error: { code: 'unauthorized', message: check.why } } }
        return {
          status: 200,
          body: {
            environments: [
              { domain: options.envDomain, name: 'Fleet production' },
              { domain: 'fleet-staging', name: 'Fleet staging' },
            ],
            tokenKind: check.record.kind,
          },
        }
      },
    ],
  }
  const server = await startFakeServer((request) => {
    const route = routes[request.path]
    if (!route) return { status: 404, body: { error: { code: 'not_found', message: 'not found' } } }
    const [method, handle] = route
    if (request.method !== method)
      return { status: 405, body: { error: { code: 'method_not_allowed', message: `use ${method}` } } }
    return handle(request)
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
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
      return { status: 400, body: { error: 'invalid_request', error_description: 'form body required' } }
    if (body.grant_type !== 'client_credentials')
      return { status: 400, body: { error: 'unsupported_grant_type' } }
    const scope = body.scope ?? null
    scopesSeen.push(scope)
    if (scope !== null && scope !== TAVIO_ADMIN_SCOPE)
      return { status: 400, body: { error: 'invalid_scope', error_description: `unknown scope ${scope}` } }
    if (id !== options.clientId || secret !== options.clientSecret)
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client authentication failed' },
      }
    // The JWT exp is on the server's clock, skew included: the client must judge it by the Date header.
    const access = makeAccessToken(now() + server.faults.skewMs, tavioFaults.lifetimeSeconds, {
      scope: scope ?? TAVIO_ADMIN_SCOPE,
    })
    tokens.set(access, { kind: 'admin', until: now() + tavioFaults.lifetimeSeconds * 1000 })
    return {
      status: 200,
      body: { access_token: access, token_type: 'Bearer', expires_in: tavioFaults.lifetimeSeconds },
    }
  }

  return Object.assign(server, {
    tavioFaults,
    scopesSeen,
    setPassword: (next: string) => (password = next),
  })
}

function invalid(message: string): FakeReply {
  return { status: 400, body: { error: { code: 'invalid_request', message } } }
}
