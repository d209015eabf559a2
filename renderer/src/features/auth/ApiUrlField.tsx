import type { FormEvent } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setApiUrl } from '../../app/actions'
import { useAppStore } from '../../store'
import { errorText } from '../../lib/error-text'

/** Shows which Tagora API we sign in to, with a small inline editor. */
export function ApiUrlField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation()
  const apiUrl = useAppStore((s) => s.settings?.apiUrl ?? s.session?.apiUrl ?? '')
  const [draft, setDraft] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  function onSave(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    if (draft === null) return
    setSaving(true)
    setError(null)
    setApiUrl(draft.trim())
      .then(() => setDraft(null))
      .catch((cause: unknown) => setError(errorText(cause)))
      .finally(() => setSaving(false))
  }

  if (draft === null) {
    return (
      <div className="api-url">
        <span className="api-url-label">{t('auth.apiUrl')}</span>
        <code className="api-url-value" data-testid="api-url" title={apiUrl}>
          {apiUrl}
        </code>
        <button type="button" className="link-button" disabled={disabled} onClick={() => setDraft(apiUrl)}>
          {t('auth.change')}
        </button>
      </div>
    )
  }
  return (
    <form className="api-url api-url-editing" onSubmit={onSave}>
      <input
        type="url"
        data-testid="api-url-input"
        value={draft}
        autoFocus
        disabled={saving}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="button-primary" disabled={saving}>
        {t('auth.save')}
      </button>
      <button type="button" className="button-secondary" onClick={() => setDraft(null)}>
        {t('auth.cancel')}
      </button>
      {error && <p className="api-url-error">{error}</p>}
    </form>
  )
}
