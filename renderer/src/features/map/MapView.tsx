import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { selectMapSettings, selectPositionedCount } from '../../store/selectors'
import { CursorCoordinates } from './CursorCoordinates'
import { MapTools } from './MapTools'
import { useAssetLayer } from './use-asset-layer'
import { useBasemap } from './use-basemap'
import { useLeafletMap } from './use-leaflet-map'
import { useTrail } from './use-trail'
import { ReplayBanner } from '../replay/ReplayBanner'
import { ReplayBar } from '../replay/ReplayBar'
import { useReplayTrails } from '../replay/use-replay-trails'
import './map.css'

export function MapView() {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const map = useLeafletMap(ref)
  const settings = useAppStore(selectMapSettings)
  const basemap = useBasemap(map, settings)
  useAssetLayer(map)
  const trailPieces = useTrail(map)
  useReplayTrails(map)
  const replaying = useAppStore((s) => s.replay !== null)
  const liveCount = useAppStore(selectPositionedCount)
  // What the map draws: replayed vehicles while replaying.
  const count = useAppStore((s) => (s.replay ? s.replayColumns.positioned : liveCount))
  const selectedAssetId = useAppStore((s) => s.selectedAssetId)
  const following = useAppStore((s) => s.following)

  return (
    <div className="map-frame">
      <div
        ref={ref}
        className={`map basemap-${basemap}`}
        data-testid="map"
        data-asset-count={count}
        data-basemap={basemap}
        data-selected-asset-id={selectedAssetId ?? ''}
        data-following={following}
        data-mode={replaying ? 'replay' : 'live'}
        data-trail-pieces={trailPieces}
      />
      <ReplayBanner />
      <div className="map-chip" title={basemap === 'offline' ? t('map.offlineHint') : undefined}>
        {t(basemap === 'offline' ? 'map.offline' : 'map.online')}
      </div>
      <MapTools />
      <ReplayBar />
      <CursorCoordinates map={map} />
    </div>
  )
}
