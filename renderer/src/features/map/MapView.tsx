import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { selectMapSettings, selectPositionedCount } from '../../store/selectors'
import { useAssetLayer } from './use-asset-layer'
import { useBasemap } from './use-basemap'
import { useLeafletMap } from './use-leaflet-map'
import { useTrail } from './use-trail'
import './map.css'

export function MapView() {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const map = useLeafletMap(ref)
  const settings = useAppStore(selectMapSettings)
  const basemap = useBasemap(map, settings)
  useAssetLayer(map)
  useTrail(map)
  const count = useAppStore(selectPositionedCount)

  return (
    <div className="map-frame">
      <div
        ref={ref}
        className={`map basemap-${basemap}`}
        data-testid="map"
        data-asset-count={count}
        data-basemap={basemap}
      />
      <div className="map-chip" title={basemap === 'offline' ? t('map.offlineHint') : undefined}>
        {t(basemap === 'offline' ? 'map.offline' : 'map.online')}
      </div>
    </div>
  )
}
