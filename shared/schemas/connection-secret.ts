import { z } from 'zod'
import { invalid } from '../errors/zod-issue'
import type { SecretKind } from '../errors/vocabulary'
import { savableConnectionConfigSchema } from './connections'
import type { SchemeId } from './connections'

/** The secret each scheme needs from the user. */
export const SCHEME_SECRET: Record<SchemeId, SecretKind> = {
  agora: 'token',
  '8x8-video': 'api-key',
  nugios: 'password',
  tavio: 'password',
  'tavio-orgadmin': 'client-secret',
}

/**
 * Secrets the app presents with a scheme word of its own (`Bearer <API key>`, `agora token=<token>`):
 * the user pastes the bare value. Passwords and client secrets are sent as typed and may hold anything.
 */
export const BARE_SECRET_KINDS: readonly SecretKind[] = ['api-key', 'token']

/** A scheme word pasted in front of a bare key: `Bearer `, `Basic `, `agora token=`, a whole header. */
const SCHEME_WORD = /^\s*(authorization\s*:\s*)?(bearer\s+|basic\s+|agora\s+token\s*=\s*)/i

/** The scheme word a bare key was pasted with (as typed, e.g. "Bearer "), or null: the form offers to drop it. */
export function schemeWordOf(value: string): string | null {
  return SCHEME_WORD.exec(value)?.[0] ?? null
}

/** The key without the scheme word pasted in front of it (the form's one-click fix). */
export function withoutSchemeWord(value: string): string {
  return value.replace(SCHEME_WORD, '').trim()
}

/** Any password or client secret: every character counts, spaces and words like "Bearer" included. */
const anySecretSchema = z.string().min(1, invalid('enter-secret')).max(8192)

/** A bare API key or token: no scheme word in front (the app adds it) and no whitespace. */
const bareSecretSchema = anySecretSchema
  .refine((value) => schemeWordOf(value) === null, { message: invalid('secret-with-scheme') })
  .refine((value) => !/\s/.test(value), { message: invalid('secret-whitespace') })

/** The check a secret of this kind gets, in the form and again in main. */
export function secretSchemaFor(kind: SecretKind): z.ZodType<string> {
  return BARE_SECRET_KINDS.includes(kind) ? bareSecretSchema : anySecretSchema
}

/**
 * Save (add or edit) a connection; `secret` omitted on edit keeps the one in the keychain, unless the
 * edit moves the connection to another server or scheme (then the secret must be entered again). The
 * secret is checked as its scheme's kind: only bare keys refuse a scheme word or spaces.
 */
export const saveConnectionInputSchema = z
  .object({ config: savableConnectionConfigSchema, secret: anySecretSchema.optional() })
  .superRefine(({ config, secret }, ctx) => {
    if (secret === undefined) return
    const checked = secretSchemaFor(SCHEME_SECRET[config.scheme]).safeParse(secret)
    for (const issue of checked.error?.issues ?? [])
      ctx.addIssue({ code: 'custom', path: ['secret'], message: issue.message })
  })
