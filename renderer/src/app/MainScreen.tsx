import { AssetDetailPanel } from '../features/assets/AssetDetailPanel'
import { DeviceList } from '../features/devices/DeviceList'
import { DataAgeBanner } from '../features/health/DataAgeBanner'
import { MapView } from '../features/map/MapView'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'

export function MainScreen() {
  useKeyboardShortcuts()
  return (
    <main className="main-screen">
      <aside className="main-sidebar">
        <DeviceList />
      </aside>
      <section className="main-map">
        <DataAgeBanner />
        <MapView />
        <AssetDetailPanel />
      </section>
    </main>
  )
}
