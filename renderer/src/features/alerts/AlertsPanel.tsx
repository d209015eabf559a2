import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatFixTime } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useAppStore } from '../../store'
import { AlertSettingsForm } from './AlertSettingsForm'
import { describeAlert } from './alert-text'
import type { AlertEntry } from '../../store/alert-types'

/** The alert list: newest first, grouped bursts expandable, each vehicle one click from the map. */
export function AlertsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const alerts = useAppStore((s) => s.alerts)
  const clear = useAppStore((s) => s.clearAlerts)
  const devices = useAppStore((s) => s.devices)
  const names = useMemo(() => new Map(devices.map((d) => [d.assetId, d.deviceName || d.assetId])), [devices])
  const nameOf = (assetId: string) => names.get(assetId) ?? assetId

  return (
    <div className="alerts-panel" data-testid="alert-list" role="dialog" aria-label={t('alerts.title')}>
      <header className="alerts-panel-head">
        <h2>{t('alerts.title')}</h2>
        <button type="button" className="link-button" onClick={clear} disabled={alerts.length === 0}>
          {t('alerts.clear')}
        </button>
        <button type="button" className="alerts-close" aria-label={t('detail.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <AlertSettingsForm />
      {alerts.length === 0 ? (
        <p className="alerts-empty">{t('alerts.empty')}</p>
      ) : (
        <ul className="alerts-entries">
          {alerts.map((entry) => (
            <AlertRow key={entry.id} entry={entry} text={describeAlert(entry, nameOf, t)} nameOf={nameOf} />
          ))}
        </ul>
      )}
    </div>
  )
}

function AlertRow({
  entry,
  text,
  nameOf,
}: {
  entry: AlertEntry
  text: string
  nameOf: (id: string) => string
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const select = useAppStore((s) => s.selectAsset)
  const toggleMuteAsset = useAppStore((s) => s.toggleMuteAsset)
  const toggleMuteKind = useAppStore((s) => s.toggleMuteKind)
  const single = entry.assetIds.length === 1 ? entry.assetIds[0] : undefined

  return (
    <li
      className={`alert-entry alert-${entry.kind}`}
      data-testid="alert-entry"
      data-kind={entry.kind}
      data-count={entry.assetIds.length}
      data-asset-ids={entry.assetIds.join(' ')}
    >
      <time className="alert-time">{formatFixTime(entry.at, language)}</time>
      {single !== undefined ? (
        <button type="button" className="alert-text link-button" onClick={() => select(single)}>
          {text}
        </button>
      ) : (
        <details className="alert-group">
          <summary className="alert-text">{text}</summary>
          <ul>
            {entry.assetIds.map((assetId) => (
              <li key={assetId}>
                <button type="button" className="link-button" onClick={() => select(assetId)}>
                  {nameOf(assetId)}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <span className="alert-actions">
        {single !== undefined && (
          <button type="button" className="link-button" onClick={() => toggleMuteAsset(single)}>
            {t('alerts.muteVehicle')}
          </button>
        )}
        <button
          type="button"
          className="link-button"
          data-testid="alert-mute-kind"
          onClick={() => toggleMuteKind(entry.kind)}
        >
          {t('alerts.muteKind', { kind: t(`alerts.kind.${entry.kind}`) })}
        </button>
      </span>
    </li>
  )
}
