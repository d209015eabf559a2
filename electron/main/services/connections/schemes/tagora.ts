import { readGrant } from '../grant'
import type { GrantShape } from '../grant'
import type { BaseConnectionConfig, SchemeRuntime, TokenScheme } from '../scheme'
import { passwordLogin } from '../password-login'

export interface TagoraConnectionConfig extends BaseConnectionConfig {
  email: string
}

function shape(runtime: SchemeRuntime<TagoraConnectionConfig>): GrantShape {
  return {
    envelope: 'data',
    access: runtime.field('accessToken'),
    refresh: runtime.field('renewToken'),
    refreshRequired: true,
    expiresIn: runtime.field('expiresIn'),
  }
}

/**
 * Tagora expressed as a scheme of the engine (docs/tagora-api.md): `{data}` envelope, JWT exp with
 * expiresIn as fallback, a rotating renewToken. The app's own Tagora session still runs on
 * TagoraSession (unchanged); this declaration proves the engine covers it and is tested against the
 * simulator (test/integration/connections-tagora.test.ts).
 */
export const tagoraScheme: TokenScheme<TagoraConnectionConfig> = {
  id: 'tagora',
  obtainKind: 'password-login',
  renewal: 'refresh-token',
  rotates: true,
  paths: { login: '/auth/login', renew: '/auth/renew', test: '/devices?limit=1' },
  fields: { accessToken: 'accessToken', renewToken: 'renewToken', expiresIn: 'expiresIn' },
  obtain: (runtime) =>
    passwordLogin(runtime, {
      vendor: 'Tagora',
      credentials: 'email and password',
      body: (password) => ({ email: runtime.config.email, password }),
      shape: shape(runtime),
    }),
  async renew(runtime, grant) {
    const path = runtime.path('renew')
    const result = await runtime.send({ method: 'POST', path, json: { renewToken: grant.refreshToken } })
    return readGrant(
      result.body,
      { ...shape(runtime), refreshRequired: false },
      runtime.serverNow(),
      `POST ${path}`,
    )
  },
  present: (grant) => ({ Authorization: `Bearer ${grant.accessToken}` }),
  testRequest: (runtime) => ({ method: 'GET', path: runtime.path('test') }),
}
