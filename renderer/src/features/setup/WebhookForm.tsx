import type { FormEvent } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorInfo } from '../../../../shared/domain/errors'
import { checkPostUrl, WEBHOOK_ID_PATTERN } from '../../../../shared/domain/webhook'
import { toAppError } from '../../lib/to-app-error'
import { errorInfoText } from '../../lib/error-text'
import { registerWebhook } from './setup-actions'

interface FormError {
  /** What data-code says: the form's own check ('name', a postUrl problem, 'bad-id') or main's code. */
  code: string
  error: AppErrorInfo
}

/** Name + public URL; the URL is checked the way the API does before anything is sent. */
export function WebhookForm() {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [url, setUrl] = useState('')
  const [ids, setIds] = useState({ organizationId: '', userId: '' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<FormError | null>(null)

  function submit(event: FormEvent): void {
    event.preventDefault()
    if (name.trim() === '') return setError({ code: 'name', error: { code: 'name-webhook' } })
    const check = checkPostUrl(url)
    if (!check.ok) return setError({ code: check.problem, error: { code: `post-url-${check.problem}` } })
    const badId = Object.values(ids).some((id) => id.trim() !== '' && !WEBHOOK_ID_PATTERN.test(id.trim()))
    if (badId) return setError({ code: 'bad-id', error: { code: 'webhook-id' } })
    setBusy(true)
    setError(null)
    registerWebhook(name.trim(), check.url, ids)
      .then(() => {
        setName('')
        setUrl('')
      })
      .catch((cause: unknown) => {
        const appError = toAppError(cause)
        setError({ code: appError.code, error: appError.toInfo() })
      })
      .finally(() => setBusy(false))
  }

  return (
    <form className="setup-form" onSubmit={submit} noValidate>
      <label>
        <span>{t('setup.webhooks.name')}</span>
        <input
          data-testid="webhook-name"
          value={name}
          placeholder={t('setup.webhooks.namePlaceholder')}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label>
        <span>{t('setup.webhooks.url')}</span>
        <input
          data-testid="webhook-url"
          type="url"
          value={url}
          placeholder={t('setup.webhooks.urlPlaceholder')}
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <details className="setup-advanced" data-testid="webhook-advanced">
        <summary>{t('setup.webhooks.advanced')}</summary>
        <p className="setup-hint">{t('setup.webhooks.idsHint')}</p>
        {(['organizationId', 'userId'] as const).map((key) => (
          <label key={key}>
            <span>{t(`setup.webhooks.${key}`)}</span>
            <input
              data-testid={`webhook-${key}`}
              value={ids[key]}
              placeholder={t('setup.webhooks.fromSession')}
              spellCheck={false}
              onChange={(e) => setIds((prev) => ({ ...prev, [key]: e.target.value }))}
            />
          </label>
        ))}
      </details>
      {error && <WebhookFormError code={error.code} error={error.error} />}
      <button type="submit" className="button-primary" data-testid="webhook-register" disabled={busy}>
        {busy ? t('setup.webhooks.registering') : t('setup.webhooks.register')}
      </button>
    </form>
  )
}

/** The form's refusal or main's, said in the user's language (it follows a language switch). */
function WebhookFormError({ code, error }: FormError) {
  const { t } = useTranslation()
  const text = errorInfoText(error)
  return (
    <div className="setup-error" data-testid="webhook-error" data-code={code} role="alert">
      <span>{text}</span>
      {error.requestId && !text.includes(error.requestId) && (
        <span className="setup-request-id">{t('auth.requestId', { id: error.requestId })}</span>
      )}
    </div>
  )
}
