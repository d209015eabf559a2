import { AssetDetailPanel } from '../features/assets/AssetDetailPanel'
import { DeviceList } from '../features/devices/DeviceList'
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
        <MapView />
        <AssetDetailPanel />
      </section>
    </main>
  )
}
