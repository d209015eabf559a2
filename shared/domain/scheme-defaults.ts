import type { SchemeId } from '../schemas/connections'

/** Request paths and response field names a scheme uses unless a connection overrides them. */
export interface SchemeDefaults {
  /** `{appId}`-style placeholders are filled from the connection's config. */
  paths: Record<string, string>
  fields: Record<string, string>
}

const TAVIO_PATHS = {
  login: '/v1/{orgDomain}/auth/login',
  connect: '/v1/{orgDomain}/environments/{envDomain}/connect',
  renew: '/v1/{orgDomain}/auth/token/renew',
  test: '/v1/{orgDomain}/environments',
}

/**
 * The documented (or, where the documents are silent, decided) paths and fields of each scheme
 * (docs/vendor-schemes.md). Shared so the Connections form can show them beside the override inputs.
 */
export const SCHEME_DEFAULTS: Record<SchemeId, SchemeDefaults> = {
  agora: { paths: { test: '/dev/v2/project/{appId}/rtm/vendor/user_events' }, fields: {} },
  '8x8-video': { paths: { tokens: '/api/v1/tokens' }, fields: { authToken: 'auth_token' } },
  nugios: {
    // No harmless protected call is documented: obtaining the token is the test unless one is set.
    paths: { login: '/api/auth/login', refresh: '/api/auth/refresh-token', test: '' },
    fields: { accessToken: 'accessToken', refreshToken: 'refreshToken', passwordExpired: 'passwordExpired' },
  },
  tavio: { paths: TAVIO_PATHS, fields: { token: 'token', expiresIn: 'expiresIn' } },
  'tavio-orgadmin': {
    paths: { token: '/v1/{orgDomain}/oauth/token', test: TAVIO_PATHS.test },
    fields: { accessToken: 'access_token', expiresIn: 'expires_in', scope: 'organization_admin' },
  },
}
