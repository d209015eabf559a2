import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScopeDevice, WebhookView } from '../../../../shared/domain/webhook'
import { scopeDevices } from './setup-actions'
import { errorText, problemText } from '../../lib/error-text'
import { WebhookKeyNotes } from './WebhookKeyNotes'
import { ListenerPathMismatch } from './ListenerPathMismatch'
import { PublicUrlTest } from './PublicUrlTest'
import { useLanguage } from '../../lib/i18n'
import { formatFixTime } from '../../lib/format'

const SHOWN_DEVICES = 200

/** One registered webhook: where it posts, its key, and which devices its scope carries. */
export function WebhookRow({ webhook }: { webhook: WebhookView }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [devices, setDevices] = useState<ScopeDevice[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { scope } = webhook

  function toggleDevices(): void {
    if (devices) return setDevices(null)
    scopeDevices(webhook.webhookId)
      .then((items) => {
        setError(null)
        setDevices(items)
      })
      .catch((cause: unknown) => setError(errorText(cause)))
  }

  const scopeText =
    scope.phase === 'ok'
      ? t('setup.webhooks.scopeOk', { count: scope.deviceCount })
      : scope.phase === 'loading'
        ? t('setup.webhooks.scopeLoading')
        : scope.phase === 'error'
          ? t('setup.webhooks.scopeError', { error: problemText(scope.problem) ?? '' })
          : t('setup.webhooks.scopeNever')

  return (
    <li
      className="setup-webhook"
      data-testid="webhook-row"
      data-webhook-id={webhook.webhookId}
      data-key-problem={webhook.keyProblem ?? ''}
    >
      <div className="setup-webhook-head">
        <strong>{webhook.name}</strong>
        {webhook.demo && <span className="setup-badge">{t('setup.webhooks.demo')}</span>}
        {webhook.isActive === false && (
          <span className="setup-badge setup-badge-inactive" data-testid="webhook-inactive">
            {t('setup.webhooks.inactive')}
          </span>
        )}
        <span className="setup-muted" data-testid="webhook-created">
          {t('setup.webhooks.created', { time: formatFixTime(Date.parse(webhook.createdAt), language) })}
        </span>
      </div>
      <code className="setup-url">{webhook.postUrl}</code>
      <WebhookKeyNotes webhook={webhook} />
      <ListenerPathMismatch postUrl={webhook.postUrl} />
      <PublicUrlTest webhookId={webhook.webhookId} />
      <div
        className={`setup-scope scope-${scope.phase}`}
        data-testid="webhook-scope"
        data-phase={scope.phase}
        data-count={scope.deviceCount}
        data-not-found={scope.notFound}
      >
        {scopeText}
        {scope.phase !== 'never' && scope.phase !== 'loading' && (
          <button
            type="button"
            className="button-link"
            data-testid="webhook-scope-toggle"
            onClick={toggleDevices}
          >
            {devices ? t('setup.webhooks.hideDevices') : t('setup.webhooks.showDevices')}
          </button>
        )}
      </div>
      {error && <div className="setup-error">{error}</div>}
      {devices && (
        <ul className="setup-scope-devices" data-testid="webhook-scope-devices" data-count={devices.length}>
          {devices.slice(0, SHOWN_DEVICES).map((device) => (
            <li key={device.deviceId}>
              <code>{device.serial}</code> → {device.assetId}
            </li>
          ))}
          {devices.length > SHOWN_DEVICES && (
            <li className="setup-muted">
              {t('setup.webhooks.more', { count: devices.length - SHOWN_DEVICES })}
            </li>
          )}
        </ul>
      )}
      <details className="setup-key">
        <summary>{t('setup.webhooks.publicKey', { algorithm: webhook.keyAlgorithm })}</summary>
        <pre>{webhook.publicKeyPem}</pre>
      </details>
    </li>
  )
}
