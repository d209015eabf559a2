import { SCHEME_DEFAULTS } from '../../../shared/domain/scheme-defaults'
import type { ConnectionConfig } from '../../../shared/schemas/connections'
import { asCredentialError, ConnectionError, isConnectionError } from '../../tokens/connection-error'
import { readGrant } from '../../tokens/grant'
import type { GrantShape } from '../../tokens/grant'
import type { Grant, SchemeRuntime, TokenScheme } from '../../tokens/scheme'
import { passwordLogin } from '../../tokens/password-login'

export type TavioConfig = Extract<ConnectionConfig, { scheme: 'tavio' }>
export type TavioOrgAdminConfig = Extract<ConnectionConfig, { scheme: 'tavio-orgadmin' }>

/** Used only when a Tavio answer carries neither a JWT exp nor expiresIn (docs/vendor-schemes.md). */
export const TAVIO_FALLBACK_LIFETIME_S = 3600

function shape(runtime: SchemeRuntime<TavioConfig>): GrantShape {
  return {
    envelope: 'flat',
    access: runtime.field('token'),
    expiresIn: runtime.field('expiresIn'),
    fixedLifetimeSeconds: runtime.config.overrides.lifetimeSeconds ?? TAVIO_FALLBACK_LIFETIME_S,
  }
}

/**
 * Both orgauth and envauth renew at /auth/token/renew, presenting the token being renewed. The method is
 * not in the document: POST unless the connection says otherwise (`methods.renew`); no body.
 */
async function renewTavio(runtime: SchemeRuntime<TavioConfig>, grant: Grant): Promise<Grant> {
  const path = runtime.path('renew')
  const method = runtime.method('renew')
  const result = await runtime.send({ method, path }, { Authorization: `Bearer ${grant.accessToken}` })
  return readGrant(result.body, shape(runtime), runtime.serverNow(), `${method} ${path}`)
}

const bearer = (grant: Grant) => ({ Authorization: `Bearer ${grant.accessToken}` })

/**
 * Tavio orgauth (tavio-public-api.txt): "authenticating with a username and password at
 * /v1/{orgdomain}/auth/login". The body's field names and the method are not in the document: our reading
 * `POST {username, password}`, overridable per connection (`bodyFields`, `methods.login`).
 */
export const tavioOrgScheme: TokenScheme<TavioConfig> = {
  id: 'tavio',
  obtainKind: 'password-login',
  renewal: 'renew-endpoint',
  rotates: false,
  ...SCHEME_DEFAULTS.tavio,
  obtain: (runtime) =>
    passwordLogin(runtime, {
      vendor: 'Tavio',
      credentials: 'username-password',
      body: (password) => ({
        [runtime.bodyField('username')]: runtime.config.username,
        [runtime.bodyField('password')]: password,
      }),
      shape: shape(runtime),
    }),
  renew: renewTavio,
  present: bearer,
  testRequest: (runtime) => ({ method: 'GET', path: runtime.path('test') }),
}

/**
 * Tavio envauth: derived from the orgauth (sent as Bearer to /environments/{envdomain}/connect). An
 * expired orgauth is renewed by the parent engine first; if that fails, the derivation says so.
 */
export const tavioEnvScheme: TokenScheme<TavioConfig> = {
  ...tavioOrgScheme,
  obtainKind: 'derived-from-parent',
  async obtain(runtime) {
    const path = runtime.path('connect')
    const method = runtime.method('connect')
    if (!runtime.withParent) throw new Error('envauth needs its orgauth connection')
    try {
      const result = await runtime.withParent((headers) => runtime.send({ method, path }, headers))
      return readGrant(result.body, shape(runtime), runtime.serverNow(), `${method} ${path}`)
    } catch (error) {
      if (
        !isConnectionError(error) ||
        !['unauthorized', 'no-token', 'refused-before', 'invalid-credentials', 'password-expired'].includes(
          error.code,
        )
      )
        throw error
      throw new ConnectionError({
        code: 'parent-expired',
        call: `${method} ${path}`,
        status: error.status,
        facts: { service: 'Tavio', name: runtime.config.orgDomain, cause: error.toInfo() },
      })
    }
  },
}

/**
 * Tavio orgadminoauth: OAuth 2.0 client credentials (RFC 6749 §4.4), client id and secret in HTTP Basic
 * (§2.3.1). The scope is the connection's (`organization_admin` by default, our reading of "the api
 * organization admin scope"); empty sends no `scope` parameter, which §4.4.2 allows: the server then
 * uses the scope the client was generated with. No refresh token: renewal is a new request.
 */
export const tavioOrgAdminScheme: TokenScheme<TavioOrgAdminConfig> = {
  id: 'tavio-orgadmin',
  obtainKind: 'client-credentials',
  renewal: 're-obtain',
  rotates: false,
  ...SCHEME_DEFAULTS['tavio-orgadmin'],
  async obtain(runtime) {
    const path = runtime.path('token')
    const secret = await runtime.secret()
    const basic = Buffer.from(
      `${encodeURIComponent(runtime.config.clientId)}:${encodeURIComponent(secret)}`,
    ).toString('base64')
    try {
      const result = await runtime.send(
        { method: 'POST', path, form: clientCredentialsForm(runtime.config.scope) },
        { Authorization: `Basic ${basic}` },
      )
      return readGrant(
        result.body,
        {
          envelope: 'flat',
          access: runtime.field('accessToken'),
          expiresIn: runtime.field('expiresIn'),
          fixedLifetimeSeconds: runtime.config.overrides.lifetimeSeconds ?? TAVIO_FALLBACK_LIFETIME_S,
        },
        runtime.serverNow(),
        `POST ${path}`,
      )
    } catch (error) {
      throw asCredentialError(error, 'Tavio', 'client-id-secret')
    }
  },
  present: bearer,
  testRequest: (runtime) => ({ method: 'GET', path: runtime.path('test') }),
}

/** The token request's form: `scope` only when the connection names one. */
export function clientCredentialsForm(scope: string): Record<string, string> {
  return scope === '' ? { grant_type: 'client_credentials' } : { grant_type: 'client_credentials', scope }
}
