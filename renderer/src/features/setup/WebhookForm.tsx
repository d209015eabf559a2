import type { FormEvent } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkPostUrl, WEBHOOK_ID_PATTERN } from '../../../../shared/domain/webhook'
import { toAppError } from '../../lib/to-app-error'
import { errorInfoText } from '../../lib/error-text'
import { registerWebhook } from './setup-actions'

interface FormError {
  message: string
  requestId?: string | undefined
  code: string
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
    if (name.trim() === '') return setError({ code: 'name', message: t('setup.webhooks.problems.name') })
    const check = checkPostUrl(url)
    if (!check.ok)
      return setError({ code: check.problem, message: t(`setup.webhooks.problems.${check.problem}`) })
    const badId = Object.values(ids).some((id) => id.trim() !== '' && !WEBHOOK_ID_PATTERN.test(id.trim()))
    if (badId) return setError({ code: 'bad-id', message: t('setup.webhooks.problems.id') })
    setBusy(true)
    setError(null)
    registerWebhook(name.trim(), check.url, ids)
      .then(() => {
        setName('')
        setUrl('')
      })
      .catch((cause: unknown) => {
        const appError = toAppError(cause)
        setError({ code: appError.code, message: errorInfoText(appError), requestId: appError.requestId })
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
      {error && (
        <div className="setup-error" data-testid="webhook-error" data-code={error.code} role="alert">
          <span>{error.message}</span>
          {error.requestId && !error.message.includes(error.requestId) && (
            <span className="setup-request-id">{t('auth.requestId', { id: error.requestId })}</span>
          )}
        </div>
      )}
      <button type="submit" className="button-primary" data-testid="webhook-register" disabled={busy}>
        {busy ? t('setup.webhooks.registering') : t('setup.webhooks.register')}
      </button>
    </form>
  )
}
