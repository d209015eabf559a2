import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionEntry, ConnectionTestResult } from '../../../../shared/domain/connections'
import { formatFixTime, formatRemaining } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import { removeConnection, testConnection } from './connections-actions'
import { errorText, tokenProblemText } from '../../lib/error-text'
import { ConnectionTestAnswer } from './ConnectionTestAnswer'

/** One connection: status, Test / Edit / Remove, and the last test's scheme, lifetime and next renewal. */
export function ConnectionRow({ entry, onEdit }: { entry: ConnectionEntry; onEdit: () => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const now = useNow(1000)
  const { config, status } = entry
  const [busy, setBusy] = useState(false)
  const result = useAppStore((s) => s.connectionTests[config.id] ?? null)
  const setResult = (next: ConnectionTestResult | null) =>
    useAppStore.getState().setConnectionTest(config.id, next)
  // The failure itself, said at render time: switching the language re-says it.
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null)
  const error = failure ? errorText(failure.cause) : null
  const lastProblem = result ? null : tokenProblemText(status.lastProblem)
  const shownError = error ?? lastProblem

  function test(): void {
    setBusy(true)
    setFailure(null)
    setResult(null)
    testConnection(config.id)
      .then(setResult)
      .catch((cause: unknown) => setFailure({ cause }))
      .finally(() => setBusy(false))
  }

  function remove(): void {
    if (!window.confirm(t('connections.removeConfirm', { name: config.name }))) return
    removeConnection(config.id).catch((cause: unknown) => setFailure({ cause }))
  }

  const at = (ms: number | null) =>
    ms === null
      ? t('connections.never')
      : `${formatFixTime(ms, language, now)} (${formatRemaining(ms - now)})`

  return (
    <li
      className="connection-row"
      data-testid="connection-row"
      data-connection-id={config.id}
      data-phase={status.phase}
    >
      <div className="connection-row-head">
        <strong>{config.name}</strong>
        <span className="connection-scheme">{t(`connections.schemes.${config.scheme}`)}</span>
        <span className={`connection-phase phase-${status.phase}`} data-testid="connection-phase">
          {t(`connections.phase.${status.phase}`)}
        </span>
      </div>
      <div className="connection-row-meta">
        {config.baseUrl} · {t(`connections.storage.${status.secretStorage}`)}
      </div>
      {result && (
        <dl className="connection-result" data-testid="connection-test-result" data-scheme={config.scheme}>
          <dt>{t('connections.scheme')}</dt>
          <dd>{t('connections.result', { scheme: t(`connections.schemes.${config.scheme}`) })}</dd>
          <dt>{t('connections.lifetime')}</dt>
          <dd data-testid="connection-lifetime" data-seconds={result.lifetimeSeconds ?? ''}>
            {result.lifetimeSeconds === null ? '—' : formatRemaining(result.lifetimeSeconds * 1000)} ·{' '}
            {t(`connections.lifetimeSource.${result.status.lifetimeSource}`)}
          </dd>
          <dt>{t('connections.nextRenewal')}</dt>
          <dd data-testid="connection-next-renewal">
            {/* Renewals pushed since the test move the next one on: prefer the live status. */}
            {at(status.phase === 'connected' ? status.nextRenewalAt : result.status.nextRenewalAt)} ·{' '}
            {t(`connections.renewal.${result.status.renewal}`)}
          </dd>
          <dt>{t('connections.checked')}</dt>
          <dd className="mono">{result.checked}</dd>
          {result.answer && <ConnectionTestAnswer answer={result.answer} />}
        </dl>
      )}
      {status.refreshExpiresAt !== null && (
        <p
          className="connection-row-meta"
          data-testid="connection-refresh-ends"
          data-at={status.refreshExpiresAt}
        >
          {t('connections.refreshEnds')}: {at(status.refreshExpiresAt)}
        </p>
      )}
      {status.renewalRetry && (
        <p className="connection-retry" data-testid="connection-retry" role="status">
          {t('connections.retry', {
            retry: status.renewalRetry.retry,
            of: status.renewalRetry.of,
            at: at(status.renewalRetry.at),
          })}
        </p>
      )}
      {shownError && (
        <p className="connection-error" data-testid="connection-error" role="alert">
          {shownError}
        </p>
      )}
      <div className="connection-actions">
        <button
          type="button"
          className="button-primary"
          data-testid="connection-test"
          disabled={busy}
          onClick={test}
        >
          {busy ? t('connections.testing') : t('connections.test')}
        </button>
        <button type="button" className="button-secondary" data-testid="connection-edit" onClick={onEdit}>
          {t('connections.edit')}
        </button>
        <button type="button" className="button-secondary" data-testid="connection-remove" onClick={remove}>
          {t('connections.remove')}
        </button>
      </div>
    </li>
  )
}
