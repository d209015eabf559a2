import { useTranslation } from 'react-i18next'
import type { WebhookView } from '../../../../shared/domain/webhook'
import { webhookNotes } from './webhook-notes'

/** Why a webhook's key does not verify deliveries, and what Tagora's reply left unsaid. */
export function WebhookKeyNotes({ webhook }: { webhook: WebhookView }) {
  const { t } = useTranslation()
  const { keyProblem, unstated } = webhookNotes(webhook)
  return (
    <>
      {keyProblem && (
        <div
          className="setup-warning"
          role="alert"
          data-testid="webhook-key-problem"
          data-problem={keyProblem}
        >
          {t(`setup.webhooks.keyProblem.${keyProblem}`, { algorithm: webhook.keyAlgorithm })}
        </div>
      )}
      {unstated.length > 0 && (
        <div className="setup-muted" data-testid="webhook-unstated" data-fields={unstated.join(' ')}>
          {t('setup.webhooks.unstated')}
          <ul className="setup-unstated">
            {unstated.map((field) => (
              <li key={field}>{t(`setup.webhooks.unstatedField.${field}`)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}
