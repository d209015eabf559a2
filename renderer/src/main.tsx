// Leaflet's own CSS comes from the package so it always matches the installed version.
import 'leaflet/dist/leaflet.css'
import './app/app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { startBridge } from './app/bridge'
import { isMapOnlyWindow } from './lib/window-view'
import { startSelectionPoller } from './app/selection-poller'
import { startReplayPlayer } from './features/replay/replay-player'
import { fleetFrameAt } from './features/replay/replay-actions'
import { startAlarmAnnouncer } from './features/alerts/alarm-announcer'
import { chimeSound } from './features/alerts/alarm-sound'
import { adoptOldAlertPreferences } from './features/alerts/old-alert-preferences'
import { webNotifier } from './features/alerts/notify'
import { initI18n } from './lib/i18n'
import { useAppStore } from './store'

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element to mount the app in')
const root = createRoot(rootElement)

// The bridge starts before the first paint so no pushed event is missed.
// Main raises the alarms; the main window announces them (a pop-out map must not notify a second time).
const announcer = isMapOnlyWindow() ? null : startAlarmAnnouncer(useAppStore, webNotifier, chimeSound())
startBridge(useAppStore, (change) => announcer?.announce(change))
if (!isMapOnlyWindow()) adoptOldAlertPreferences(useAppStore)
startSelectionPoller(useAppStore)
startReplayPlayer(useAppStore, fleetFrameAt)

void initI18n().then(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
})
