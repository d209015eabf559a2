import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { refreshDevices } from './devices-actions'
import { useAppStore } from '../../store'
import { selectDeviceSync } from '../../store/selectors'
import { errorText, problemText } from '../../lib/error-text'
import { SkippedDevices } from './SkippedDevices'

/**
 * Progress while devices sync; the error and a retry button when the last sync failed; otherwise the
 * rows the last sync had to leave out, if any (the list is complete but for them).
 */
export function SyncStatus() {
  const { t } = useTranslation()
  const sync = useAppStore(selectDeviceSync)
  const [retrying, setRetrying] = useState(false)
  const [retryError, setRetryError] = useState<string | null>(null)

  function retry(): void {
    setRetrying(true)
    setRetryError(null)
    refreshDevices()
      .catch((cause: unknown) => setRetryError(errorText(cause)))
      .finally(() => setRetrying(false))
  }

  if (sync.phase === 'syncing') {
    return (
      <div className="sync-progress" data-testid="sync-progress" role="status" data-fetched={sync.fetched}>
        <span className="spinner" aria-hidden="true" />
        {t('devices.syncing', { fetched: sync.fetched })}
        <div className="sync-bar" aria-hidden="true" />
      </div>
    )
  }
  const error = retryError ?? (sync.phase === 'error' ? problemText(sync.problem) : null)
  if (error === null) return <SkippedDevices skipped={sync.skipped} className="sync-skipped" />
  return (
    <div className="sync-error" data-testid="sync-error" role="alert">
      <span>{t('devices.syncError', { error })}</span>
      <button type="button" className="button-secondary" disabled={retrying} onClick={retry}>
        {t('devices.retry')}
      </button>
    </div>
  )
}
