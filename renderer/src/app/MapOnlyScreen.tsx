import { useTranslation } from 'react-i18next'
import { AssetDetailPanel } from '../features/assets/AssetDetailPanel'
import { MapView } from '../features/map/MapView'
import { useAppStore } from '../store'
import { isSignedIn } from '../store/selectors'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'

/** The pop-out window for a second monitor: the same live fleet, only the map. */
export function MapOnlyScreen() {
  const { t } = useTranslation()
  useKeyboardShortcuts()
  const signedIn = useAppStore(isSignedIn)
  if (!signedIn) {
    return (
      <main className="map-only-waiting" data-testid="map-only-waiting">
        {t('map.popOutWaiting')}
      </main>
    )
  }
  return (
    <main className="map-only" data-testid="map-only">
      <MapView />
      <AssetDetailPanel />
    </main>
  )
}
