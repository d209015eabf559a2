import type { ConnectionConfig, SchemeId } from '../../../../shared/schemas/connections'
import { connectionConfigSchema } from '../../../../shared/schemas/connections'

/** The form's flat text fields; turned into a typed config by `toConfig`. */
export type FormFields = Record<string, string>

/** The fields each scheme shows, besides name, base URL and secret. */
export const SCHEME_FIELDS: Record<SchemeId, string[]> = {
  agora: ['appId', 'tokenType', 'uid'],
  '8x8-video': [],
  nugios: ['login', 'timezone'],
  tavio: ['orgDomain', 'username', 'envDomain'],
  'tavio-orgadmin': ['orgDomain', 'clientId'],
}

/** Documented base URLs, prefilled for a new connection. */
export const DEFAULT_BASE_URL: Record<SchemeId, string> = {
  agora: 'https://api.agora.io',
  '8x8-video': 'https://video-agent.8x8.com',
  nugios: 'https://',
  tavio: 'https://',
  'tavio-orgadmin': 'https://',
}

export function fieldsOf(config: ConnectionConfig): FormFields {
  const fields: FormFields = {}
  for (const [key, value] of Object.entries(config)) if (typeof value === 'string') fields[key] = value
  if (config.scheme === 'nugios')
    fields.timezone = config.timezoneOffsetMinutes === null ? '' : String(config.timezoneOffsetMinutes)
  return fields
}

/** Validates the form with the same schema main uses; returns the config or the first problem. */
export function toConfig(
  id: string,
  scheme: SchemeId,
  fields: FormFields,
  previous: ConnectionConfig | null,
): { ok: true; config: ConnectionConfig } | { ok: false; message: string } {
  const raw: Record<string, unknown> = {
    id,
    scheme,
    name: fields.name ?? '',
    baseUrl: fields.baseUrl ?? '',
    overrides: previous?.overrides ?? {},
  }
  for (const key of SCHEME_FIELDS[scheme]) if (key !== 'timezone') raw[key] = fields[key] ?? ''
  if (scheme === 'agora' && !raw.tokenType) raw.tokenType = 'access-token2'
  if (scheme === 'nugios') {
    const tz = (fields.timezone ?? '').trim()
    raw.timezoneOffsetMinutes = tz === '' ? null : Number(tz)
  }
  const parsed = connectionConfigSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid connection' }
  return { ok: true, config: parsed.data }
}
