import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { refreshScopes } from './setup-actions'
import { TunnelHelp } from './TunnelHelp'
import { WebhookForm } from './WebhookForm'
import { WebhookRow } from './WebhookRow'
import { errorText } from '../../lib/error-text'

/** Registration form, the registered webhooks with their scopes, and the out-of-scope count. */
export function WebhooksSection() {
  const { t } = useTranslation()
  const { webhooks, outOfScopeAssetIds } = useAppStore((s) => s.webhooks)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  function refresh(): void {
    setBusy(true)
    setError(null)
    refreshScopes()
      .catch((cause: unknown) => setError(errorText(cause)))
      .finally(() => setBusy(false))
  }

  return (
    <section className="setup-section" data-testid="setup-webhooks">
      <h3>{t('setup.webhooks.title')}</h3>
      <TunnelHelp />
      <WebhookForm />
      {webhooks.length === 0 ? (
        <p className="setup-muted">{t('setup.webhooks.none')}</p>
      ) : (
        <>
          <ul className="setup-webhooks">
            {webhooks.map((webhook) => (
              <WebhookRow key={webhook.webhookId} webhook={webhook} />
            ))}
          </ul>
          <div className="setup-row">
            <button
              type="button"
              className="button-secondary"
              data-testid="scopes-refresh"
              disabled={busy}
              onClick={refresh}
            >
              {t('setup.webhooks.refreshScopes')}
            </button>
            {outOfScopeAssetIds !== null && (
              <span data-testid="out-of-scope-count" data-count={outOfScopeAssetIds.length}>
                {outOfScopeAssetIds.length > 0
                  ? t('setup.webhooks.outOfScope', { count: outOfScopeAssetIds.length })
                  : t('setup.webhooks.allInScope')}
              </span>
            )}
          </div>
          {error && <div className="setup-error">{error}</div>}
          <p className="setup-muted">{t('setup.webhooks.removal')}</p>
        </>
      )}
    </section>
  )
}
