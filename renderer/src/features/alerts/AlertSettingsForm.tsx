import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setTelemetryThresholds } from './alerts-actions'
import { useAppStore } from '../../store'
import { ALERT_KINDS } from '../../store/alert-types'
import { NumberSetting } from './NumberSetting'
import { requestNotificationPermission } from './notify'
import { errorText } from '../../lib/error-text'

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
    setTelemetryThresholds({ [field]: value }).catch((cause: unknown) => setError(errorText(cause)))
  }

  return (
    <details className="alert-settings">
      <summary>{t('alerts.settings')}</summary>
      <NumberSetting
        label={t('alerts.speedLimit')}
        unit="km/h"
        min={1}
        max={300}
        value={settings.speedLimitKmh}
        testId="alert-speed-limit"
        onCommit={(value) => value > 0 && update({ speedLimitKmh: value })}
      />
      {thresholds && (
        <>
          <NumberSetting
            label={t('alerts.staleAfter')}
            unit="s"
            min={5}
            value={thresholds.staleAfterSeconds}
            testId="alert-stale-after"
            onCommit={(value) => saveThreshold('staleAfterSeconds', value)}
          />
          <NumberSetting
            label={t('alerts.offlineAfter')}
            unit="s"
            min={10}
            value={thresholds.offlineAfterSeconds}
            testId="alert-offline-after"
            onCommit={(value) => saveThreshold('offlineAfterSeconds', value)}
          />
          <NumberSetting
            label={t('alerts.trailMinutes')}
            unit="min"
            min={1}
            value={thresholds.trailMinutes}
            testId="trail-minutes"
            onCommit={(value) => saveThreshold('trailMinutes', value)}
          />
          <NumberSetting
            label={t('alerts.trailPoints')}
            unit=""
            min={10}
            value={thresholds.trailPoints}
            testId="trail-points"
            onCommit={(value) => saveThreshold('trailPoints', value)}
          />
        </>
      )}
      {error && (
        <p className="alert-setting-error" role="alert">
          {error}
        </p>
      )}
      <label className="alert-setting-check">
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
