import type { FormEvent } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setApiUrl } from './auth-actions'
import { useAppStore } from '../../store'
import { codeText, errorText, issueText } from '../../lib/error-text'
import { isSecureUrl } from '../../../../shared/net/secure-url'
import { apiUrlInputSchema } from '../../../../shared/schemas/settings'

/**
 * Shows which Tagora API we sign in to, with a small inline editor. TAGORA_API_URL wins over the
 * settings for the run: then that address is shown, said to come from there, and not editable (a
 * change would be saved but not used, and the screen would name an API it does not call).
 */
export function ApiUrlField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation()
  const override = useAppStore((s) => s.apiUrlOverride)
  const apiUrl = useAppStore((s) => s.apiUrlOverride ?? s.settings?.apiUrl ?? s.session?.apiUrl ?? '')
  const [draft, setDraft] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  function onSave(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    if (draft === null) return
    // The contract's own schema, checked here too so the answer is immediate and in the user's language.
    const checked = apiUrlInputSchema.safeParse(draft.trim())
    if (!checked.success) return setError(issueText(checked.error.issues))
    setSaving(true)
    setError(null)
    setApiUrl(checked.data)
      .then(() => setDraft(null))
      .catch((cause: unknown) => setError(errorText(cause)))
      .finally(() => setSaving(false))
  }

  if (draft === null) {
    // A settings file from an older version may hold a plain-http address: it is kept, but main sends
    // no password there, and this says why before the user tries.
    const insecure = apiUrl !== '' && !isSecureUrl(apiUrl)
    return (
      <div className={insecure ? 'api-url api-url-warned' : 'api-url'}>
        <span className="api-url-label">{t('auth.apiUrl')}</span>
        <code className="api-url-value" data-testid="api-url" title={apiUrl}>
          {apiUrl}
        </code>
        {override === null ? (
          <button type="button" className="link-button" disabled={disabled} onClick={() => setDraft(apiUrl)}>
            {t('auth.change')}
          </button>
        ) : (
          <span className="api-url-source" data-testid="api-url-source">
            {t('auth.apiUrlFromEnvironment')}
          </span>
        )}
        {insecure && (
          <p className="api-url-error" data-testid="api-url-insecure" role="alert">
            {codeText('insecure-url')}
          </p>
        )}
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
