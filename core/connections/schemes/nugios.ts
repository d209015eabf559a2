import { SCHEME_DEFAULTS } from '../../../shared/domain/scheme-defaults'
import type { ConnectionConfig } from '../../../shared/schemas/connections'
import { ConnectionError } from '../../tokens/connection-error'
import { readGrant } from '../../tokens/grant'
import type { GrantShape } from '../../tokens/grant'
import type { Grant, SchemeRuntime, TokenScheme } from '../../tokens/scheme'
import { passwordLogin } from '../../tokens/password-login'

export type NugiosConfig = Extract<ConnectionConfig, { scheme: 'nugios' }>

/** Both tokens last 30 days (accessToken 43200 min), as documented. */
export const NUGIOS_ACCESS_LIFETIME_S = 43_200 * 60

/** Minutes east of UTC (UTC+4 → 240, the document's example); Date.getTimezoneOffset has the other sign. */
export function nugiosTimezone(config: NugiosConfig, now = new Date()): string {
  return String(config.timezoneOffsetMinutes ?? -now.getTimezoneOffset())
}

function shape(runtime: SchemeRuntime<NugiosConfig>): GrantShape {
  return {
    envelope: 'flat',
    access: runtime.field('accessToken'),
    refresh: runtime.field('refreshToken'),
    refreshRequired: true,
    flags: [runtime.field('passwordExpired')],
    fixedLifetimeSeconds: runtime.config.overrides.lifetimeSeconds ?? NUGIOS_ACCESS_LIFETIME_S,
  }
}

/** passwordExpired: true means the user must change the password in Nugios: never pretend all is well. */
function checkPassword(runtime: SchemeRuntime<NugiosConfig>, grant: Grant, call: string): Grant {
  if (!grant.flags[runtime.field('passwordExpired')]) return grant
  throw new ConnectionError({
    code: 'password-expired',
    call,
    facts: { service: 'Nugios', name: runtime.config.login },
  })
}

/**
 * Nugios (nugios-auth.txt): `{login, password}` → `{accessToken, refreshToken, passwordExpired}`, refresh
 * with `{refreshToken}` (the answer may carry a new refreshToken: rotation), Bearer presentation, and
 * `X-nugios-timezone` on every request. Paths are not in the document: see docs/vendor-schemes.md.
 */
export const nugiosScheme: TokenScheme<NugiosConfig> = {
  id: 'nugios',
  obtainKind: 'password-login',
  renewal: 'refresh-token',
  rotates: true,
  ...SCHEME_DEFAULTS.nugios,
  obtain: (runtime) =>
    passwordLogin(runtime, {
      vendor: 'Nugios',
      credentials: 'login-password',
      body: (password) => ({ login: runtime.config.login, password }),
      shape: shape(runtime),
      check: (grant, call) => checkPassword(runtime, grant, call),
    }),
  async renew(runtime, grant) {
    const path = runtime.path('refresh')
    if (!grant.refreshToken) throw new ConnectionError({ code: 'no-refresh-token', call: `POST ${path}` })
    const result = await runtime.send({ method: 'POST', path, json: { refreshToken: grant.refreshToken } })
    const next = readGrant(
      result.body,
      { ...shape(runtime), refreshRequired: false },
      runtime.serverNow(),
      `POST ${path}`,
    )
    return checkPassword(runtime, next, `POST ${path}`)
  },
  present: (grant) => ({ Authorization: `Bearer ${grant.accessToken}` }),
  extraHeaders: (config) => ({ 'X-nugios-timezone': nugiosTimezone(config) }),
  testRequest: (runtime) => (runtime.path('test') ? { method: 'GET', path: runtime.path('test') } : null),
}
