import { z } from 'zod'
import { invalid } from '../errors/zod-issue'
import type { ValidationCode } from '../errors/codes'
import { isSecureUrl, isServerPath, sameOrigin } from '../net/secure-url'

/** The token schemes a connection can use (docs/vendor-schemes.md). */
export const SCHEME_IDS = ['agora', '8x8-video', 'nugios', 'tavio', 'tavio-orgadmin'] as const
export type SchemeId = (typeof SCHEME_IDS)[number]

/** Methods a connection may choose where its document names none (Tavio's login, connect, renew). */
export const HTTP_METHODS = ['GET', 'POST', 'PUT'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

/** Method keys whose request carries a body (the login's credentials): GET cannot carry one. */
export const METHODS_WITH_BODY: readonly string[] = ['login']

/**
 * Paths a document leaves blank ("Request URL - [POST]" and nothing after it, nugios-auth.txt): no
 * default stands in for them, so the form asks for each, with an example shown as a placeholder only.
 */
export const REQUIRED_PATHS: Partial<
  Record<SchemeId, Record<string, { example: string; missing: ValidationCode }>>
> = {
  nugios: {
    login: { example: '/api/auth/login', missing: 'enter-login-path' },
    refresh: { example: '/api/auth/refresh-token', missing: 'enter-refresh-path' },
  },
}

/**
 * Per-connection overrides for what the vendor documents leave open: request paths, methods, request
 * body and response field names (keys are listed per scheme in docs/vendor-schemes.md), and a fallback
 * token lifetime.
 */
export const connectionOverridesSchema = z.object({
  paths: z.record(z.string(), z.string().regex(/^\//, invalid('path-override'))).default({}),
  fields: z.record(z.string(), z.string().min(1)).default({}),
  methods: z.record(z.string(), z.enum(HTTP_METHODS, invalid('http-method'))).default({}),
  bodyFields: z.record(z.string(), z.string().trim().min(1)).default({}),
  lifetimeSeconds: z
    .number(invalid('lifetime'))
    .int(invalid('lifetime'))
    .positive(invalid('lifetime'))
    .nullable()
    .default(null),
})

/** RFC 6749 §3.3: space-separated scope tokens of printable ASCII without `"` and `\`; empty sends none. */
const OAUTH_SCOPE = /^([\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*)?$/

/** What an earlier version sent as the Tavio admin scope (docs/vendor-schemes.md, "Upgrading"). */
export const EARLIER_TAVIO_ADMIN_SCOPE = 'organization_admin'

const base = {
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, invalid('name-connection')).max(80),
  baseUrl: z.string().trim().url(invalid('enter-base-url')),
  overrides: connectionOverridesSchema.prefault({}),
}

/** Non-secret connection config, kept in settings.json; secrets live only in the keychain. */
export const connectionConfigSchema = z.discriminatedUnion('scheme', [
  z.object({
    ...base,
    scheme: z.literal('agora'),
    appId: z.string().trim().min(1, invalid('enter-app-id')),
    /** AccessToken2 → `Authorization: agora token=…`; AccessToken → x-agora-token + x-agora-uid. */
    tokenType: z.enum(['access-token2', 'access-token']).default('access-token2'),
    uid: z.string().trim().default(''),
  }),
  z.object({
    ...base,
    scheme: z.literal('8x8-video'),
    /**
     * The login of an agent in 8x8's Video Interaction directory: the Agent Portal signs this agent in
     * with the token. Empty only in a file from an earlier version (saving asks for it).
     */
    agentLogin: z.string().trim().max(200).default(''),
  }),
  z.object({
    ...base,
    scheme: z.literal('nugios'),
    login: z.string().trim().min(1, invalid('enter-login')),
    /** Minutes east of UTC sent as X-nugios-timezone; null follows this computer's clock. */
    timezoneOffsetMinutes: z.number().int().min(-720).max(840).nullable().default(null),
  }),
  z.object({
    ...base,
    scheme: z.literal('tavio'),
    orgDomain: z.string().trim().min(1, invalid('enter-org-domain')),
    username: z.string().trim().min(1, invalid('enter-username')),
    /** When set, an envauth for this environment is derived from the orgauth. */
    envDomain: z.string().trim().default(''),
  }),
  z.object({
    ...base,
    scheme: z.literal('tavio-orgadmin'),
    orgDomain: z.string().trim().min(1, invalid('enter-org-domain')),
    clientId: z.string().trim().min(1, invalid('enter-client-id')),
    /** The `scope` of the token request; empty sends no scope parameter (the client's own scope). */
    scope: z
      .string()
      .trim()
      .max(500)
      .regex(OAUTH_SCOPE, invalid('oauth-scope'))
      .default(EARLIER_TAVIO_ADMIN_SCOPE),
  }),
])

/**
 * A config the user saves (the form, `connections:save`): the stored shape plus where its secret may go
 * and what a document leaves to the user. The base URL is https (plain http only to this computer) and
 * path overrides stay on that server; 8x8 names its agent; Nugios' blank request URLs are filled in; a
 * request that carries a body is not a GET. The settings file is read with the plain schema, so an older
 * file with an http address still loads: the token engine then refuses to send the secret there and the
 * connection says why (shared/net/secure-url.ts).
 */
export const savableConnectionConfigSchema = connectionConfigSchema.superRefine((config, ctx) => {
  if (!isSecureUrl(config.baseUrl))
    ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: invalid('needs-https') })
  for (const [key, path] of Object.entries(config.overrides.paths))
    if (!isServerPath(path))
      ctx.addIssue({ code: 'custom', path: ['overrides', 'paths', key], message: invalid('leaves-server') })
  for (const [key, { missing }] of Object.entries(REQUIRED_PATHS[config.scheme] ?? {}))
    if (!config.overrides.paths[key])
      ctx.addIssue({ code: 'custom', path: ['overrides', 'paths', key], message: invalid(missing) })
  for (const key of METHODS_WITH_BODY)
    if (config.overrides.methods[key] === 'GET')
      ctx.addIssue({ code: 'custom', path: ['overrides', 'methods', key], message: invalid('get-with-body') })
  if (config.scheme === '8x8-video' && config.agentLogin === '')
    ctx.addIssue({ code: 'custom', path: ['agentLogin'], message: invalid('enter-agent-login') })
})

export type ConnectionConfig = z.infer<typeof connectionConfigSchema>

/**
 * True when an edit would hand the stored secret to another server (scheme, host or port of the base
 * URL) or another token scheme: such an edit must carry the secret again (main and the form agree).
 */
export function movesSecret(
  before: Pick<ConnectionConfig, 'scheme' | 'baseUrl'>,
  after: Pick<ConnectionConfig, 'scheme' | 'baseUrl'>,
): boolean {
  return before.scheme !== after.scheme || !sameOrigin(before.baseUrl, after.baseUrl)
}
export type ConnectionConfigInput = z.input<typeof connectionConfigSchema>
export type ConnectionOverrides = z.infer<typeof connectionOverridesSchema>

export { SECRET_KINDS } from '../errors/vocabulary'
export type { SecretKind } from '../errors/vocabulary'
