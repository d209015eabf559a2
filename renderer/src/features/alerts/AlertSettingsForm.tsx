import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ALARM_KINDS } from '../../../../shared/domain/alarms'
import type { AlarmSettings } from '../../../../shared/schemas/settings'
import { errorText } from '../../lib/error-text'
import { useAppStore } from '../../store'
import { NumberSetting } from './NumberSetting'
import { chimeSound } from './alarm-sound'
import { setAlarmSettings, setTelemetryThresholds, toggled } from './alerts-actions'
import { requestNotificationPermission } from './notify'

const preview = chimeSound()

/** Speed limit, status thresholds, notifications, sound and muted kinds, inside the alarm inbox. */
export function AlertSettingsForm() {
  const { t } = useTranslation()
  const settings = useAppStore((s) => s.settings?.alarms)
  const thresholds = useAppStore((s) => s.settings?.telemetry)
  const [error, setError] = useState<string | null>(null)
  if (!settings) return null

  function save(change: Partial<AlarmSettings>): void {
    setError(null)
    setAlarmSettings(change).catch((cause: unknown) => setError(errorText(cause)))
  }

  async function onNotifyChange(notify: boolean): Promise<void> {
    if (notify) await requestNotificationPermission()
    save({ notify })
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
        onCommit={(value) => value > 0 && save({ speedLimitKmh: value })}
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
        <legend>{t('alarms.sound')}</legend>
        {ALARM_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              data-testid={`alarm-sound-${kind}`}
              checked={settings.soundKinds.includes(kind)}
              onChange={() => save({ soundKinds: toggled(settings.soundKinds, kind) })}
            />
            {t(`alerts.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <div className="alarm-sound-row">
        <label>
          <span>{t('alarms.soundVolume')}</span>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            data-testid="alarm-sound-volume"
            defaultValue={settings.soundVolume}
            onPointerUp={(e) => save({ soundVolume: Number(e.currentTarget.value) })}
            onKeyUp={(e) => save({ soundVolume: Number(e.currentTarget.value) })}
          />
        </label>
        <button type="button" className="link-button" onClick={() => preview.play(settings.soundVolume)}>
          {t('alarms.soundTest')}
        </button>
        <label className="alert-setting-check">
          <input
            type="checkbox"
            data-testid="alarm-sound-muted"
            checked={settings.soundMuted}
            onChange={(e) => save({ soundMuted: e.target.checked })}
          />
          <span>{t('alarms.soundMuted')}</span>
        </label>
      </div>
      <fieldset className="alert-mutes">
        <legend>{t('alerts.muted')}</legend>
        {ALARM_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              data-testid={`alert-muted-${kind}`}
              checked={settings.mutedKinds.includes(kind)}
              onChange={() => save({ mutedKinds: toggled(settings.mutedKinds, kind) })}
            />
            {t(`alerts.kind.${kind}`)}
          </label>
        ))}
        {settings.mutedAssetIds.length > 0 && (
          <p className="alert-muted-assets">
            {t('alerts.mutedVehicles', { count: settings.mutedAssetIds.length })}{' '}
            <button type="button" className="link-button" onClick={() => save({ mutedAssetIds: [] })}>
              {t('alerts.unmuteAll')}
            </button>
          </p>
        )}
      </fieldset>
    </details>
  )
}
