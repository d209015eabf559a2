import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicUrlTestResult } from '../../../../shared/domain/public-url-test'
import { errorText } from '../../lib/error-text'
import { testPublicUrl } from './setup-actions'

/** "Test the public URL": does Tagora's route (DNS, TLS, tunnel, Host, path) reach this desk? */
export function PublicUrlTest({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<PublicUrlTestResult | null>(null)
  const [error, setError] = useState<string | null>(null)

  function run(): void {
    setBusy(true)
    setError(null)
    testPublicUrl(webhookId)
      .then(setResult)
      .catch((cause: unknown) => setError(errorText(cause)))
      .finally(() => setBusy(false))
  }

  return (
    <div className="setup-public-test">
      <button
        type="button"
        className="button-secondary"
        data-testid="webhook-test-public"
        disabled={busy}
        onClick={run}
      >
        {busy ? t('setup.webhooks.publicTest.testing') : t('setup.webhooks.publicTest.button')}
      </button>
      {result && !busy && (
        <p
          className={result.state === 'reached' ? 'setup-ok' : 'setup-error'}
          data-testid="webhook-test-result"
          data-state={result.state}
          data-outcome={result.outcome}
          role="status"
        >
          {resultText(result, t)}
        </p>
      )}
      {error && <p className="setup-error">{error}</p>}
    </div>
  )
}

type Translate = ReturnType<typeof useTranslation>['t']

function resultText(result: PublicUrlTestResult, t: Translate): string {
  const facts = {
    host: result.host,
    ms: result.ms ?? 0,
    status: result.status ?? '',
    detail: result.detail ?? '',
    path: result.path ?? '',
    listenerPath: result.listenerPath ?? '',
    port: result.listenerPort ?? '',
    reason: result.reason ? t(`setup.listener.reasons.${result.reason}`) : '',
  }
  const key =
    result.outcome === 'tunnel-error' && result.listenerPort === null ? 'tunnel-error-off' : result.outcome
  return t(`setup.webhooks.publicTest.${key}`, facts)
}
