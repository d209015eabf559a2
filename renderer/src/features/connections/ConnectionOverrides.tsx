import { useTranslation } from 'react-i18next'
import { HTTP_METHODS } from '../../../../shared/schemas/connections'
import type { SchemeId } from '../../../../shared/schemas/connections'
import { SCHEME_DEFAULTS } from '../../../../shared/domain/scheme-defaults'
import { hasOverrides, overrideKey } from './connection-form-model'
import type { FormFields } from './connection-form-model'

/**
 * Paths, methods, request body and response field names, and a fallback lifetime for what the vendor's
 * document leaves open (docs/vendor-schemes.md). Each input shows the default it replaces (marked as our
 * reading where the document is silent); empty keeps the default. Paths a document leaves blank are not
 * here: the form asks for them (SchemeFields).
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
  const testId = (formKey: string) => `connection-override-${formKey.replace(':', '-')}`
  const input = (formKey: string, label: string, placeholder: string) => (
    <label key={formKey}>
      <span>{label}</span>
      <input
        data-testid={testId(formKey)}
        value={fields[formKey] ?? ''}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => set(formKey, e.target.value)}
      />
    </label>
  )
  const ours = (value: string) => t('connections.overrides.ourReading', { value })
  return (
    <details
      className="connection-overrides"
      data-testid="connection-advanced"
      open={hasOverrides(fields, scheme)}
    >
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
        {Object.entries(defaults.methods).map(([key, value]) => (
          <label key={key}>
            <span>{t('connections.overrides.method', { key })}</span>
            <select
              data-testid={testId(overrideKey.method(key))}
              value={fields[overrideKey.method(key)] ?? ''}
              onChange={(e) => set(overrideKey.method(key), e.target.value)}
            >
              <option value="">{ours(value)}</option>
              {HTTP_METHODS.map((method) => (
                <option key={method} value={method}>
                  {method}
                </option>
              ))}
            </select>
          </label>
        ))}
        {Object.entries(defaults.bodyFields).map(([key, value]) =>
          input(overrideKey.body(key), t('connections.overrides.bodyField', { key }), ours(value)),
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
