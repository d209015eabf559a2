import { AppError } from '../../shared/domain/errors'
import type { TagoraClient, TagoraResponse } from '../tagora/tagora-client'
import { decodeJwtClaims, jwtExpiryMs } from '../tagora/jwt'
import type { BaseConnectionConfig, Grant, SchemeRuntime, TokenScheme } from '../tokens/scheme'

export interface TagoraConnectionConfig extends BaseConnectionConfig {
  email: string
}

/** The two auth calls of the Tagora client (zod-checked bodies, typed TagoraApiErrors with request ids). */
export type TagoraAuthCalls = Pick<TagoraClient, 'login' | 'renew'>

/**
 * Expiry as docs/tagora-api.md decides: the JWT `exp` when it is ahead of the server's clock, else
 * `expiresIn` (a token issued with a wrong exp still gets renewed in time).
 */
function grantOf(
  response: TagoraResponse<{ accessToken: string; renewToken?: string | undefined; expiresIn: number }>,
  runtime: SchemeRuntime<TagoraConnectionConfig>,
): Grant {
  runtime.observeServerDate(response.serverDate)
  const { accessToken, renewToken, expiresIn } = response.data
  const serverNow = runtime.serverNow()
  const exp = jwtExpiryMs(decodeJwtClaims(accessToken))
  const fromClaim = exp !== null && exp > serverNow
  return {
    accessToken,
    refreshToken: renewToken ?? null,
    expiresAt: fromClaim ? exp : serverNow + Math.max(0, expiresIn) * 1000,
    lifetimeSource: fromClaim ? 'jwt-exp' : 'expires-in',
    refreshExpiresAt: null,
  }
}

/**
 * Tagora as one scheme of the token engine: password login, `{data}` envelope, JWT exp with expiresIn as
 * fallback, a rotating renewToken. The app's own session (session/tagora-session.ts) runs on it.
 */
export function tagoraScheme(client: TagoraAuthCalls): TokenScheme<TagoraConnectionConfig> {
  return {
    id: 'tagora',
    obtainKind: 'password-login',
    renewal: 'refresh-token',
    rotates: true,
    paths: { test: '/devices?limit=1' },
    fields: {},
    async obtain(runtime) {
      const password = await runtime.secret()
      return grantOf(await client.login({ email: runtime.config.email, password }), runtime)
    },
    async renew(runtime, grant) {
      // A plain AppError, not a refusal: the engine retries as it did before giving up.
      if (!grant.refreshToken) throw new AppError({ code: 'no-refresh-token', facts: { service: 'Tagora' } })
      return grantOf(await client.renew(grant.refreshToken), runtime)
    },
    present: (grant) => ({ Authorization: `Bearer ${grant.accessToken}` }),
    testRequest: (runtime) => ({ method: 'GET', path: runtime.path('test') }),
  }
}
