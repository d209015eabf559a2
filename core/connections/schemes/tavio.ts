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

/** Both orgauth and envauth renew at /auth/token/renew, presenting the token being renewed. */
async function renewTavio(runtime: SchemeRuntime<TavioConfig>, grant: Grant): Promise<Grant> {
  const path = runtime.path('renew')
  const result = await runtime.send(
    { method: 'POST', path },
    { Authorization: `Bearer ${grant.accessToken}` },
  )
  return readGrant(result.body, shape(runtime), runtime.serverNow(), `POST ${path}`)
}

const bearer = (grant: Grant) => ({ Authorization: `Bearer ${grant.accessToken}` })

/** Tavio orgauth (tavio-public-api.txt): username/password at /v1/{orgdomain}/auth/login. */
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
      body: (password) => ({ username: runtime.config.username, password }),
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
    if (!runtime.withParent) throw new Error('envauth needs its orgauth connection')
    try {
      const result = await runtime.withParent((headers) => runtime.send({ method: 'POST', path }, headers))
      return readGrant(result.body, shape(runtime), runtime.serverNow(), `POST ${path}`)
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
        call: `POST ${path}`,
        status: error.status,
        facts: { service: 'Tavio', name: runtime.config.orgDomain, cause: error.toInfo() },
      })
    }
  },
}

/**
 * Tavio orgadminoauth: OAuth 2.0 client credentials (RFC 6749 §4.4), client id and secret in HTTP Basic
 * (§2.3.1). Client credentials come without a refresh token, so renewal is a new request.
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
        { method: 'POST', path, form: { grant_type: 'client_credentials', scope: runtime.field('scope') } },
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
