import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setTelemetryThresholds } from '../../app/actions'
import { toAppError } from '../../lib/call'
import { useAppStore } from '../../store'
import { ALERT_KINDS } from './alert-types'
import { requestNotificationPermission } from './notify'

/** Speed limit, status thresholds, notifications and muted kinds, inside the alert panel. */
export function AlertSettingsForm() {
  const { t } = useTranslation()
  const settings = useAppStore((s) => s.alertSettings)
  const update = useAppStore((s) => s.updateAlertSettings)
  const toggleMuteKind = useAppStore((s) => s.toggleMuteKind)
  const toggleMuteAsset = useAppStore((s) => s.toggleMuteAsset)
  const thresholds = useAppStore((s) => s.settings?.telemetry)
  const [error, setError] = useState<string | null>(null)

  async function onNotifyChange(notify: boolean): Promise<void> {
    if (notify) await requestNotificationPermission()
    update({ notify })
  }

  function saveThreshold(
    field: 'staleAfterSeconds' | 'offlineAfterSeconds' | 'trailMinutes' | 'trailPoints',
    value: number,
  ): void {
    setError(null)
    setTelemetryThresholds({ [field]: value }).catch((cause: unknown) => setError(toAppError(cause).message))
  }

  return (
    <details className="alert-settings">
      <summary>{t('alerts.settings')}</summary>
      <label className="alert-setting">
        <span>{t('alerts.speedLimit')}</span>
        <input
          type="number"
          min={1}
          max={300}
          data-testid="alert-speed-limit"
          defaultValue={settings.speedLimitKmh}
          onBlur={(e) => {
            const value = Number(e.target.value)
            if (Number.isFinite(value) && value > 0) update({ speedLimitKmh: value })
          }}
        />
        <span>km/h</span>
      </label>
      {thresholds && (
        <>
          <label className="alert-setting">
            <span>{t('alerts.staleAfter')}</span>
            <input
              type="number"
              min={5}
              data-testid="alert-stale-after"
              defaultValue={thresholds.staleAfterSeconds}
              onBlur={(e) => saveThreshold('staleAfterSeconds', Number(e.target.value))}
            />
            <span>s</span>
          </label>
          <label className="alert-setting">
            <span>{t('alerts.offlineAfter')}</span>
            <input
              type="number"
              min={10}
              data-testid="alert-offline-after"
              defaultValue={thresholds.offlineAfterSeconds}
              onBlur={(e) => saveThreshold('offlineAfterSeconds', Number(e.target.value))}
            />
            <span>s</span>
          </label>
          <label className="alert-setting">
            <span>{t('alerts.trailMinutes')}</span>
            <input
              type="number"
              min={1}
              data-testid="trail-minutes"
              defaultValue={thresholds.trailMinutes}
              onBlur={(e) => saveThreshold('trailMinutes', Number(e.target.value))}
            />
            <span>min</span>
          </label>
          <label className="alert-setting">
            <span>{t('alerts.trailPoints')}</span>
            <input
              type="number"
              min={10}
              data-testid="trail-points"
              defaultValue={thresholds.trailPoints}
              onBlur={(e) => saveThreshold('trailPoints', Number(e.target.value))}
            />
            <span />
          </label>
        </>
      )}
      {error && (
        <p className="alert-setting-error" role="alert">
          {error}
        </p>
      )}
      <label className="alert-setting">
        <input
          type="checkbox"
          checked={settings.notify}
          onChange={(e) => void onNotifyChange(e.target.checked)}
        />
        <span>{t('alerts.notify')}</span>
      </label>
      <fieldset className="alert-mutes">
        <legend>{t('alerts.muted')}</legend>
        {ALERT_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              data-testid={`alert-muted-${kind}`}
              checked={settings.mutedKinds.includes(kind)}
              onChange={() => toggleMuteKind(kind)}
            />
            {t(`alerts.kind.${kind}`)}
          </label>
        ))}
        {settings.mutedAssetIds.length > 0 && (
          <p className="alert-muted-assets">
            {t('alerts.mutedVehicles', { count: settings.mutedAssetIds.length })}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => settings.mutedAssetIds.forEach((id) => toggleMuteAsset(id))}
            >
              {t('alerts.unmuteAll')}
            </button>
          </p>
        )}
      </fieldset>
    </details>
  )
}
