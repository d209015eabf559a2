import type { FormEvent } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionConfig, SchemeId } from '../../../../shared/schemas/connections'
import { SCHEME_IDS } from '../../../../shared/schemas/connections'
import { SCHEME_SECRET, secretSchemaFor } from '../../../../shared/schemas/connection-secret'
import { saveConnection } from './connections-actions'
import { ConnectionOverrides } from './ConnectionOverrides'
import { SchemeFields } from './SchemeFields'
import { SecretInput } from './SecretInput'
import { DEFAULT_BASE_URL, fieldsOf, keepsStoredSecret, NEW_FIELDS, toConfig } from './connection-form-model'
import type { FormFields } from './connection-form-model'
import { errorInfoText, errorText, issueText } from '../../lib/error-text'

/** Add or edit one connection of any scheme; the secret is write-only (never shown back). */
export function ConnectionForm({
  editing,
  onDone,
}: {
  editing: ConnectionConfig | null
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [scheme, setScheme] = useState<SchemeId>(editing?.scheme ?? 'agora')
  const [fields, setFields] = useState<FormFields>(() =>
    editing ? fieldsOf(editing) : { name: '', baseUrl: DEFAULT_BASE_URL.agora },
  )
  const [secret, setSecret] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const set = (key: string, value: string) => setFields((prev) => ({ ...prev, [key]: value }))
  // An edit that points the connection at another server must carry the secret again (main agrees).
  const canKeep = keepsStoredSecret(editing, scheme, fields.baseUrl ?? '')
  const secretAgain = editing !== null && !canKeep

  function changeScheme(next: SchemeId): void {
    setScheme(next)
    if (!editing)
      setFields((prev) => ({ name: prev.name ?? '', baseUrl: DEFAULT_BASE_URL[next], ...NEW_FIELDS[next] }))
  }

  function submit(event: FormEvent): void {
    event.preventDefault()
    const built = toConfig(editing?.id ?? crypto.randomUUID(), scheme, fields, editing)
    if (!built.ok) return setError(errorInfoText(built.error))
    const keepSecret = canKeep && secret === ''
    if (!keepSecret) {
      const checked = secretSchemaFor(SCHEME_SECRET[scheme]).safeParse(secret)
      if (!checked.success) return setError(issueText(checked.error.issues))
    }
    setBusy(true)
    setError(null)
    saveConnection(built.config, keepSecret ? undefined : secret)
      .then(onDone)
      .catch((cause: unknown) => setError(errorText(cause)))
      .finally(() => setBusy(false))
  }

  const text = (key: string, label: string) => (
    <label key={key}>
      <span>{label}</span>
      <input
        data-testid={`connection-${key}`}
        value={fields[key] ?? ''}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  )

  return (
    <form className="connection-form" data-testid="connection-form" onSubmit={submit} noValidate>
      <label>
        <span>{t('connections.scheme')}</span>
        <select
          data-testid="connection-scheme"
          value={scheme}
          disabled={editing !== null}
          onChange={(e) => changeScheme(e.target.value as SchemeId)}
        >
          {SCHEME_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`connections.schemes.${id}`)}
            </option>
          ))}
        </select>
      </label>
      {text('name', t('connections.name'))}
      {text('baseUrl', t('connections.baseUrl'))}
      <SchemeFields scheme={scheme} fields={fields} set={set} />
      <SecretInput
        kind={SCHEME_SECRET[scheme]}
        value={secret}
        onChange={setSecret}
        canKeep={canKeep}
        describedBy={secretAgain ? 'connection-secret-again' : undefined}
      />
      {secretAgain && (
        <p className="connection-hint" id="connection-secret-again" data-testid="connection-secret-again">
          {t('connections.secretAgain')}
        </p>
      )}
      <ConnectionOverrides scheme={scheme} fields={fields} set={set} />
      {error && (
        <p className="connection-error" data-testid="connection-form-error" role="alert">
          {error}
        </p>
      )}
      <div className="connection-actions">
        <button type="submit" className="button-primary" data-testid="connection-save" disabled={busy}>
          {busy ? t('connections.saving') : t('connections.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          {t('connections.cancel')}
        </button>
      </div>
    </form>
  )
}
