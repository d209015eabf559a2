import { useTranslation } from 'react-i18next'
import type { SchemeId } from '../../../../shared/schemas/connections'
import { SCHEME_DEFAULTS } from '../../../../shared/domain/scheme-defaults'
import { hasOverrides, overrideKey } from './connection-form-model'
import type { FormFields } from './connection-form-model'

/**
 * Paths, response field names and a fallback lifetime for what the vendor's document leaves open
 * (docs/vendor-schemes.md). Each input shows the default it replaces; empty keeps the default.
 */
export function ConnectionOverrides({
  scheme,
  fields,
  set,
}: {
  scheme: SchemeId
  fields: FormFields
  set: (key: string, value: string) => void
}) {
  const { t } = useTranslation()
  const defaults = SCHEME_DEFAULTS[scheme]
  const input = (formKey: string, label: string, placeholder: string) => (
    <label key={formKey}>
      <span>{label}</span>
      <input
        data-testid={`connection-override-${formKey.replace(':', '-')}`}
        value={fields[formKey] ?? ''}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => set(formKey, e.target.value)}
      />
    </label>
  )
  return (
    <details className="connection-overrides" data-testid="connection-advanced" open={hasOverrides(fields)}>
      <summary>{t('connections.overrides.title')}</summary>
      <div className="connection-overrides-body">
        <p className="connections-intro">{t('connections.overrides.intro')}</p>
        {Object.entries(defaults.paths).map(([key, value]) =>
          input(
            overrideKey.path(key),
            t('connections.overrides.path', { key }),
            value || t('connections.overrides.none'),
          ),
        )}
        {Object.entries(defaults.fields).map(([key, value]) =>
          input(overrideKey.field(key), t('connections.overrides.field', { key }), value),
        )}
        {input(
          overrideKey.lifetime,
          t('connections.overrides.lifetime'),
          t('connections.overrides.lifetimeDefault'),
        )}
      </div>
    </details>
  )
}
