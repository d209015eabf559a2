import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { refreshDevices } from '../devices/devices-actions'
import { useAppStore } from '../../store'
import { selectDeviceSync } from '../../store/selectors'
import { applyDeviceSyncSettings } from './setup-actions'
import { errorText, problemText } from '../../lib/error-text'
import { SkippedDevices } from '../devices/SkippedDevices'
import { useLanguage } from '../../lib/i18n'
import { formatFixTime } from '../../lib/format'

/** Manual refresh with progress, what the last sync changed, and the periodic refresh settings. */
export function SyncSection() {
  const { t } = useTranslation()
  const language = useLanguage()
  const sync = useAppStore(selectDeviceSync)
  const count = useAppStore((s) => s.devices.length)
  const settings = useAppStore((s) => s.settings?.deviceSync)
  const [minutes, setMinutes] = useState(String(settings?.refreshMinutes ?? 5))
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  function refresh(): void {
    setError(null)
    refreshDevices().catch((cause: unknown) => setError(errorText(cause)))
  }

  function save(change: { refreshMinutes?: number; statusFilter?: '' | 'active' }): void {
    setError(null)
    setSaved(false)
    applyDeviceSyncSettings(change)
      .then(() => setSaved(true))
      .catch((cause: unknown) => setError(errorText(cause)))
  }

  const syncing = sync.phase === 'syncing'
  return (
    <section className="setup-section" data-testid="setup-sync">
      <h3>{t('setup.sync.title')}</h3>
      <div className="setup-row">
        <button
          type="button"
          className="button-secondary"
          data-testid="sync-refresh"
          disabled={syncing}
          onClick={refresh}
        >
          {t('setup.sync.refresh')}
        </button>
        <span
          data-testid="setup-sync-state"
          data-phase={sync.phase}
          data-fetched={sync.fetched}
          role="status"
        >
          {syncing && <span className="spinner" aria-hidden="true" />}
          {syncing
            ? t('setup.sync.syncing', { fetched: sync.fetched })
            : sync.lastSyncedAt === null
              ? t('setup.sync.never')
              : t('setup.sync.idle', { count, time: formatFixTime(sync.lastSyncedAt, language) })}
        </span>
      </div>
      {sync.lastChange && (
        <p
          className="setup-muted"
          data-testid="sync-change"
          data-added={sync.lastChange.added}
          data-removed={sync.lastChange.removed}
        >
          {t('setup.sync.change', sync.lastChange)}
        </p>
      )}
      <SkippedDevices skipped={sync.skipped} className="setup-warning" />
      {sync.phase === 'error' && sync.problem && (
        <div className="setup-error" role="alert">
          {t('setup.sync.error', { error: problemText(sync.problem) })}
        </div>
      )}
      <div className="setup-row">
        <label>
          <span>{t('setup.sync.interval')}</span>
          <input
            data-testid="sync-interval"
            type="number"
            min={1}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            onBlur={() => {
              const value = Number(minutes)
              if (Number.isInteger(value) && value >= 1 && value !== settings?.refreshMinutes)
                save({ refreshMinutes: value })
            }}
          />
        </label>
        <label>
          <span>{t('setup.sync.statusFilter')}</span>
          <select
            data-testid="sync-status-filter"
            value={settings?.statusFilter ?? ''}
            onChange={(e) => save({ statusFilter: e.target.value === 'active' ? 'active' : '' })}
          >
            <option value="">{t('setup.sync.statusAll')}</option>
            <option value="active">{t('setup.sync.statusActive')}</option>
          </select>
        </label>
        {saved && <span className="setup-muted">{t('setup.sync.saved')}</span>}
      </div>
      {error && <div className="setup-error">{error}</div>}
    </section>
  )
}
