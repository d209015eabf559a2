import { nugiosTimezoneMinutes } from '../../../shared/domain/nugios-timezone'
import { SCHEME_DEFAULTS } from '../../../shared/domain/scheme-defaults'
import type { ConnectionConfig } from '../../../shared/schemas/connections'
import { ConnectionError, pathNotSet } from '../../tokens/connection-error'
import { answerRecord, readGrant } from '../../tokens/grant'
import type { GrantShape } from '../../tokens/grant'
import type { SchemeRuntime, TokenScheme } from '../../tokens/scheme'
import { passwordLogin } from '../../tokens/password-login'

export type NugiosConfig = Extract<ConnectionConfig, { scheme: 'nugios' }>

/** "accessToken - 43200 min" (nugios-auth.txt). */
export const NUGIOS_ACCESS_LIFETIME_S = 43_200 * 60
/** "refreshToken - 2591968 sec": 32 s short of the access token's 30 days, so renewal plans on it. */
export const NUGIOS_REFRESH_LIFETIME_S = 2_591_968

/** The `X-nugios-timezone` value this request carries (shared/domain/nugios-timezone.ts says why). */
export function nugiosTimezone(
  config: Pick<NugiosConfig, 'timezoneOffsetMinutes'>,
  now = new Date(),
): string {
  return String(nugiosTimezoneMinutes(config.timezoneOffsetMinutes, now))
}

function shape(runtime: SchemeRuntime<NugiosConfig>): GrantShape {
  return {
    envelope: 'flat',
    access: runtime.field('accessToken'),
    refresh: runtime.field('refreshToken'),
    refreshRequired: true,
    fixedLifetimeSeconds: runtime.config.overrides.lifetimeSeconds ?? NUGIOS_ACCESS_LIFETIME_S,
    refreshLifetimeSeconds: NUGIOS_REFRESH_LIFETIME_S,
  }
}

/**
 * passwordExpired: true means the user must change the password in Nugios. The schema makes both tokens
 * nullable, and such an answer carries none: it is read first, so it says "password expired", never
 * "missing field accessToken".
 */
function checkPassword(runtime: SchemeRuntime<NugiosConfig>, body: unknown, call: string): void {
  if (answerRecord(body, 'flat')?.[runtime.field('passwordExpired')] !== true) return
  throw new ConnectionError({
    code: 'password-expired',
    call,
    facts: { service: 'Nugios', name: runtime.config.login },
  })
}

/**
 * Nugios (nugios-auth.txt): `{login, password}` → `{accessToken, refreshToken, passwordExpired}`, refresh
 * with `{refreshToken}` (the answer may carry a new refreshToken: rotation), Bearer presentation, and
 * `Content-Type: application/json` plus `X-nugios-timezone` on every request, GET included. The document
 * gives no request URLs: the connection names both paths (docs/vendor-schemes.md).
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
      checkAnswer: (body, call) => checkPassword(runtime, body, call),
    }),
  async renew(runtime, grant) {
    const path = runtime.path('refresh')
    if (path === '') throw pathNotSet('refresh', 'Nugios', runtime.config.name)
    const call = `POST ${path}`
    if (!grant.refreshToken) throw new ConnectionError({ code: 'no-refresh-token', call })
    const result = await runtime.send({ method: 'POST', path, json: { refreshToken: grant.refreshToken } })
    checkPassword(runtime, result.body, call)
    return readGrant(result.body, { ...shape(runtime), refreshRequired: false }, runtime.serverNow(), call)
  },
  present: (grant) => ({ Authorization: `Bearer ${grant.accessToken}` }),
  extraHeaders: (config) => ({
    'Content-Type': 'application/json',
    'X-nugios-timezone': nugiosTimezone(config),
  }),
  testRequest: (runtime) => (runtime.path('test') ? { method: 'GET', path: runtime.path('test') } : null),
}
