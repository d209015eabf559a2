import type { FormEvent } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkPostUrl } from '../../../../shared/domain/webhook'
import { toAppError } from '../../lib/call'
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
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<FormError | null>(null)

  function submit(event: FormEvent): void {
    event.preventDefault()
    if (name.trim() === '') return setError({ code: 'name', message: t('setup.webhooks.problems.name') })
    const check = checkPostUrl(url)
    if (!check.ok)
      return setError({ code: check.problem, message: t(`setup.webhooks.problems.${check.problem}`) })
    setBusy(true)
    setError(null)
    registerWebhook(name.trim(), check.url)
      .then(() => {
        setName('')
        setUrl('')
      })
      .catch((cause: unknown) => {
        const appError = toAppError(cause)
        setError({ code: appError.code, message: appError.message, requestId: appError.requestId })
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
