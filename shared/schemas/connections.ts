import { z } from 'zod'
import { invalid } from '../errors/zod-issue'
import type { SecretKind } from '../errors/vocabulary'
import { isSecureUrl, isServerPath, sameOrigin } from '../net/secure-url'

/** The token schemes a connection can use (docs/vendor-schemes.md). */
export const SCHEME_IDS = ['agora', '8x8-video', 'nugios', 'tavio', 'tavio-orgadmin'] as const
export type SchemeId = (typeof SCHEME_IDS)[number]

/**
 * Per-connection overrides for what the vendor documents leave open: request paths and response field
 * names (keys are listed per scheme in docs/vendor-schemes.md), and a fallback token lifetime.
 */
export const connectionOverridesSchema = z.object({
  paths: z.record(z.string(), z.string().regex(/^\//, invalid('path-override'))).default({}),
  fields: z.record(z.string(), z.string().min(1)).default({}),
  lifetimeSeconds: z
    .number(invalid('lifetime'))
    .int(invalid('lifetime'))
    .positive(invalid('lifetime'))
    .nullable()
    .default(null),
})

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
  z.object({ ...base, scheme: z.literal('8x8-video') }),
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
  }),
])

/**
 * A config the user saves (the form, `connections:save`): the stored shape plus where its secret may go.
 * The base URL is https (plain http only to this computer) and path overrides stay on that server. The
 * settings file is read with the plain schema, so an older file with an http address still loads: the
 * token engine then refuses to send the secret there and the connection says why (shared/net/secure-url.ts).
 */
export const savableConnectionConfigSchema = connectionConfigSchema.superRefine((config, ctx) => {
  if (!isSecureUrl(config.baseUrl))
    ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: invalid('needs-https') })
  for (const [key, path] of Object.entries(config.overrides.paths))
    if (!isServerPath(path))
      ctx.addIssue({ code: 'custom', path: ['overrides', 'paths', key], message: invalid('leaves-server') })
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

/** The secret each scheme needs from the user. */
export const SCHEME_SECRET: Record<SchemeId, SecretKind> = {
  agora: 'token',
  '8x8-video': 'api-key',
  nugios: 'password',
  tavio: 'password',
  'tavio-orgadmin': 'client-secret',
}

/** A credential pasted with its scheme word ("Bearer abc", "agora token=abc"): the app adds that itself. */
const SCHEME_PREFIX = /^\s*(bearer|basic|token|agora\s+token=)/i

export const secretValueSchema = z
  .string()
  .min(1, invalid('enter-secret'))
  .max(8192)
  .refine((value) => !SCHEME_PREFIX.test(value), {
    message: invalid('secret-with-scheme'),
  })
  .refine((value) => value.trim() === value && !/\s/.test(value), {
    message: invalid('secret-whitespace'),
  })

/**
 * Save (add or edit) a connection; `secret` omitted on edit keeps the one in the keychain, unless the
 * edit moves the connection to another server or scheme (then the secret must be entered again).
 */
export const saveConnectionInputSchema = z.object({
  config: savableConnectionConfigSchema,
  secret: secretValueSchema.optional(),
})

/** International format: +, country code, subscriber number; 8 to 15 digits in all (E.164). */
export const PHONE_PATTERN = /^\+[1-9]\d{7,14}$/

export const videoRoomInputSchema = z.object({
  connectionId: z.string().min(1),
  phoneNumber: z.string().trim().regex(PHONE_PATTERN, invalid('enter-phone')),
  callReference: z
    .string()
    .trim()
    .min(8, invalid('call-reference-short'))
    .max(20, invalid('call-reference-long')),
})
export type VideoRoomInput = z.infer<typeof videoRoomInputSchema>

/** A call reference derived from the asset: letters and digits of its id, padded to 8, cut to 20. */
export function callReferenceFor(assetId: string): string {
  const cleaned = assetId.replace(/[^A-Za-z0-9-]/g, '')
  const padded = `FM-${cleaned}`.padEnd(8, '0')
  return padded.slice(0, 20)
}
