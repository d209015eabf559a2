import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatAge, formatFixTime, formatHeading, formatSpeed } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import { selectDevices, selectSelectedAssetId, selectTelemetryVersion } from '../../store/selectors'
import { assetView } from './asset-view'
import { formatCoordinates } from './map-links'
import { AssetActions } from './AssetActions'
import { VideoCallDriver } from '../connections/VideoCallDriver'
import { ExtraFields } from './ExtraFields'
import './assets.css'

export function AssetDetailPanel() {
  const assetId = useAppStore(selectSelectedAssetId)
  return assetId === null ? null : <AssetDetailCard assetId={assetId} />
}

function AssetDetailCard({ assetId }: { assetId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const now = useNow(1000)
  const devices = useAppStore(selectDevices)
  const device = useMemo(() => devices.find((d) => d.assetId === assetId), [devices, assetId])
  const detail = useAppStore((s) => s.selectedDetail)
  const trailLength = useAppStore((s) => s.selectedTrail.length)
  const selectAsset = useAppStore((s) => s.selectAsset)
  useAppStore(selectTelemetryVersion)
  const view = assetView(
    useAppStore((s) => s.telemetry),
    assetId,
    detail,
  )
  const hasFix = view.lat !== null && view.lng !== null

  return (
    <section
      className="asset-detail"
      data-testid="asset-detail"
      data-asset-id={assetId}
      data-lat={view.lat ?? ''}
      data-lng={view.lng ?? ''}
      data-fix-time={view.fixTime === null ? '' : new Date(view.fixTime).toISOString()}
      data-status={view.status}
      aria-label={device?.deviceName ?? assetId}
    >
      <header className="asset-detail-head">
        <span className={`status-dot status-${view.status}`} title={t(`status.${view.status}`)} />
        <h2>{device?.deviceName ?? t('detail.unknownDevice')}</h2>
        <button
          type="button"
          className="asset-detail-close"
          aria-label={t('detail.close')}
          onClick={() => selectAsset(null)}
        >
          ×
        </button>
      </header>
      <dl className="asset-detail-grid">
        <dt>{t('detail.serial')}</dt>
        <dd className="mono">{device?.serial ?? '—'}</dd>
        <dt>{t('detail.assetId')}</dt>
        <dd className="mono">{assetId}</dd>
        {hasFix ? (
          <>
            <dt>{t('detail.position')}</dt>
            <dd className="mono" data-testid="asset-position">
              {formatCoordinates(view.lat ?? 0, view.lng ?? 0)}
            </dd>
            <dt>{t('detail.speed')}</dt>
            <dd>{formatSpeed(view.speed, language)}</dd>
            <dt>{t('detail.heading')}</dt>
            <dd>{formatHeading(view.heading, language)}</dd>
          </>
        ) : (
          <dd className="asset-detail-nofix">{t('detail.noFix')}</dd>
        )}
        {view.fixTime !== null && (
          <>
            <dt>{t('detail.fixTime')}</dt>
            <dd>
              {formatFixTime(view.fixTime, language, now)}{' '}
              <span className="asset-detail-age">({formatAge(now - view.fixTime, language)})</span>
            </dd>
          </>
        )}
      </dl>
      <AssetActions lat={view.lat} lng={view.lng} />
      <VideoCallDriver assetId={assetId} />
      {trailLength > 0 && <p className="asset-detail-trail">{t('detail.trail', { count: trailLength })}</p>}
      {detail && <ExtraFields extra={detail.extra} />}
    </section>
  )
}
