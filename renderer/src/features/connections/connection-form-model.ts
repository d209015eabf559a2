import type { ConnectionConfig, SchemeId } from '../../../../shared/schemas/connections'
import {
  EARLIER_TAVIO_ADMIN_SCOPE,
  movesSecret,
  REQUIRED_PATHS,
  savableConnectionConfigSchema,
} from '../../../../shared/schemas/connections'
import type { ConnectionOverrides } from '../../../../shared/schemas/connections'
import type { AppErrorInfo } from '../../../../shared/domain/errors'
import { infoOfIssues } from '../../../../shared/errors/zod-issue'
import { SCHEME_DEFAULTS } from '../../../../shared/domain/scheme-defaults'

/** The form's flat text fields; turned into a typed config by `toConfig`. */
export type FormFields = Record<string, string>

/** The fields each scheme shows, besides name, base URL and secret. */
export const SCHEME_FIELDS: Record<SchemeId, string[]> = {
  agora: ['appId', 'tokenType', 'uid'],
  '8x8-video': ['agentLogin'],
  nugios: ['login', 'timezone'],
  tavio: ['orgDomain', 'username', 'envDomain'],
  'tavio-orgadmin': ['orgDomain', 'clientId', 'scope'],
}

/** What a new connection of each scheme starts with, besides its base URL. */
export const NEW_FIELDS: Partial<Record<SchemeId, FormFields>> = {
  // Our reading of "the api organization admin scope"; clearing it sends no scope parameter.
  'tavio-orgadmin': { scope: EARLIER_TAVIO_ADMIN_SCOPE },
}

/** Paths the scheme's document leaves blank: asked in the form itself, never defaulted. */
export function requiredPathKeys(scheme: SchemeId): string[] {
  return Object.keys(REQUIRED_PATHS[scheme] ?? {})
}

/** Documented base URLs, prefilled for a new connection. */
export const DEFAULT_BASE_URL: Record<SchemeId, string> = {
  agora: 'https://api.agora.io',
  '8x8-video': 'https://video-agent.8x8.com',
  nugios: 'https://',
  tavio: 'https://',
  'tavio-orgadmin': 'https://',
}

/** Form keys of the advanced overrides: `path:<key>`, `field:<key>` and the fallback lifetime. */
export const overrideKey = {
  path: (key: string) => `path:${key}`,
  field: (key: string) => `field:${key}`,
  method: (key: string) => `method:${key}`,
  body: (key: string) => `body:${key}`,
  lifetime: 'lifetimeSeconds',
}

export function fieldsOf(config: ConnectionConfig): FormFields {
  const fields: FormFields = {}
  for (const [key, value] of Object.entries(config)) if (typeof value === 'string') fields[key] = value
  if (config.scheme === 'nugios')
    fields.timezone = config.timezoneOffsetMinutes === null ? '' : String(config.timezoneOffsetMinutes)
  for (const [key, value] of Object.entries(config.overrides.paths)) fields[overrideKey.path(key)] = value
  for (const [key, value] of Object.entries(config.overrides.fields)) fields[overrideKey.field(key)] = value
  for (const [key, value] of Object.entries(config.overrides.methods)) fields[overrideKey.method(key)] = value
  for (const [key, value] of Object.entries(config.overrides.bodyFields))
    fields[overrideKey.body(key)] = value
  const lifetime = config.overrides.lifetimeSeconds
  fields[overrideKey.lifetime] = lifetime === null ? '' : String(lifetime)
  return fields
}

/** True when a connection overrides anything, so the form opens its advanced section. */
export function hasOverrides(fields: FormFields, scheme: SchemeId): boolean {
  const asked = new Set(requiredPathKeys(scheme).map(overrideKey.path))
  return Object.entries(fields).some(
    ([key, value]) =>
      (key.includes(':') || key === overrideKey.lifetime) && !asked.has(key) && value.trim() !== '',
  )
}

/**
 * The overrides the form describes. Keys the scheme documents come from the inputs (empty = default);
 * any other key an earlier version or a hand edit put in the settings file is kept as it was.
 */
function overridesOf(scheme: SchemeId, fields: FormFields, previous: ConnectionOverrides | undefined) {
  const defaults = SCHEME_DEFAULTS[scheme]
  const pick = (
    known: Record<string, unknown>,
    kept: Record<string, string>,
    formKey: (k: string) => string,
  ) => {
    const result: Record<string, string> = {}
    for (const [key, value] of Object.entries(kept)) if (!(key in known)) result[key] = value
    for (const key of Object.keys(known)) {
      const value = (fields[formKey(key)] ?? '').trim()
      if (value !== '') result[key] = value
    }
    return result
  }
  const lifetime = (fields[overrideKey.lifetime] ?? '').trim()
  const paths = { ...defaults.paths, ...REQUIRED_PATHS[scheme] }
  return {
    paths: pick(paths, previous?.paths ?? {}, overrideKey.path),
    fields: pick(defaults.fields, previous?.fields ?? {}, overrideKey.field),
    methods: pick(defaults.methods, previous?.methods ?? {}, overrideKey.method),
    bodyFields: pick(defaults.bodyFields, previous?.bodyFields ?? {}, overrideKey.body),
    lifetimeSeconds: lifetime === '' ? null : Number(lifetime),
  }
}

/**
 * Whether the form may save without a secret and keep the stored one: only an edit that stays on the
 * same server and scheme. Moved elsewhere, the stored secret is never sent there: it must be typed again.
 */
export function keepsStoredSecret(
  editing: ConnectionConfig | null,
  scheme: SchemeId,
  baseUrl: string,
): boolean {
  return editing !== null && !movesSecret(editing, { scheme, baseUrl: baseUrl.trim() })
}

/** Validates the form with the same schema main uses; returns the config or the first problem. */
export function toConfig(
  id: string,
  scheme: SchemeId,
  fields: FormFields,
  previous: ConnectionConfig | null,
): { ok: true; config: ConnectionConfig } | { ok: false; error: AppErrorInfo } {
  const raw: Record<string, unknown> = {
    id,
    scheme,
    name: fields.name ?? '',
    baseUrl: fields.baseUrl ?? '',
    overrides: overridesOf(scheme, fields, previous?.scheme === scheme ? previous.overrides : undefined),
  }
  for (const key of SCHEME_FIELDS[scheme]) if (key !== 'timezone') raw[key] = fields[key] ?? ''
  if (scheme === 'agora' && !raw.tokenType) raw.tokenType = 'access-token2'
  if (scheme === 'nugios') {
    const tz = (fields.timezone ?? '').trim()
    raw.timezoneOffsetMinutes = tz === '' ? null : Number(tz)
  }
  const parsed = savableConnectionConfigSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, error: infoOfIssues(parsed.error.issues) }
  return { ok: true, config: parsed.data }
}
