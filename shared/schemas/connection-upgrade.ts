import { EARLIER_TAVIO_ADMIN_SCOPE } from './connections'

/**
 * What an earlier version sent where this one now asks the user (docs/vendor-schemes.md, "Upgrading"):
 * - Nugios' login and refresh paths, which the document leaves blank, were defaults of ours. A connection
 *   saved then keeps the paths it was using, now written into the connection where the form shows them.
 * - Tavio's admin scope was a response-field override (`fields.scope`); it is now the connection's
 *   `scope`, which may be empty (no scope parameter).
 * An upgrade therefore changes no request a working connection makes. Anything else passes unchanged.
 */
export const EARLIER_NUGIOS_PATHS: Readonly<Record<string, string>> = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh-token',
}

type Raw = Record<string, unknown>

const isRecord = (value: unknown): value is Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** A stored connection config as this version reads it; used by the settings file only. */
export function upgradeStoredConnection(stored: unknown): unknown {
  if (!isRecord(stored)) return stored
  const overrides = isRecord(stored.overrides) ? stored.overrides : {}
  if (stored.scheme === 'nugios') {
    const paths = isRecord(overrides.paths) ? overrides.paths : {}
    return { ...stored, overrides: { ...overrides, paths: { ...EARLIER_NUGIOS_PATHS, ...paths } } }
  }
  if (stored.scheme === 'tavio-orgadmin' && stored.scope === undefined) {
    const { scope, ...fields } = isRecord(overrides.fields) ? overrides.fields : {}
    return {
      ...stored,
      scope: typeof scope === 'string' ? scope : EARLIER_TAVIO_ADMIN_SCOPE,
      overrides: { ...overrides, fields },
    }
  }
  return stored
}
