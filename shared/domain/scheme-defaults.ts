import type { HttpMethod, SchemeId } from '../schemas/connections'

/** What a scheme sends and reads unless a connection overrides it (docs/vendor-schemes.md). */
export interface SchemeDefaults {
  /** Request paths; `{appId}`-style placeholders are filled from the connection's config. */
  paths: Record<string, string>
  /** Response field names. */
  fields: Record<string, string>
  /** Request methods a document does not state. */
  methods: Record<string, HttpMethod>
  /** Request body field names a document does not state. */
  bodyFields: Record<string, string>
}

const TAVIO_PATHS = {
  login: '/v1/{orgDomain}/auth/login',
  connect: '/v1/{orgDomain}/environments/{envDomain}/connect',
  renew: '/v1/{orgDomain}/auth/token/renew',
  test: '/v1/{orgDomain}/environments',
}

/**
 * The documented (or, where the documents are silent, decided) paths, fields, methods and body names
 * of each scheme. Shared so the Connections form can show them beside the override inputs. Paths a
 * document leaves blank have no default here (REQUIRED_PATHS in shared/schemas/connections.ts).
 */
export const SCHEME_DEFAULTS: Record<SchemeId, SchemeDefaults> = {
  agora: {
    paths: { test: '/dev/v2/project/{appId}/rtm/vendor/user_events' },
    fields: {},
    methods: {},
    bodyFields: {},
  },
  '8x8-video': {
    // The Agent Portal is on the API's own server (video-agent.8x8.com): `portal` is its path there.
    paths: { tokens: '/api/v1/tokens', portal: '/' },
    fields: { authToken: 'auth_token' },
    methods: {},
    bodyFields: {},
  },
  nugios: {
    // Login and refresh: asked in the form (the document's Request URL is blank). No harmless protected
    // call is documented either: obtaining the token is the test unless one is set.
    paths: { test: '' },
    fields: { accessToken: 'accessToken', refreshToken: 'refreshToken', passwordExpired: 'passwordExpired' },
    methods: {},
    bodyFields: {},
  },
  tavio: {
    paths: TAVIO_PATHS,
    fields: { token: 'token', expiresIn: 'expiresIn' },
    // Neither the methods nor the login body are in tavio-public-api.txt: our reading, overridable.
    methods: { login: 'POST', connect: 'POST', renew: 'POST' },
    bodyFields: { username: 'username', password: 'password' },
  },
  'tavio-orgadmin': {
    paths: { token: '/v1/{orgDomain}/oauth/token', test: TAVIO_PATHS.test },
    fields: { accessToken: 'access_token', expiresIn: 'expires_in' },
    methods: {},
    bodyFields: {},
  },
}
