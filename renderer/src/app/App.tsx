import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { LoginScreen } from '../features/auth/LoginScreen'
import { RenewalBanner } from '../features/session/RenewalBanner'
import { useAppStore } from '../store'
import { isSignedIn } from '../store/selectors'
import { AppHeader } from './AppHeader'
import { isMapOnlyWindow } from '../lib/window-view'
import { MainScreen } from './MainScreen'
import { MapOnlyScreen } from './MapOnlyScreen'

export function App() {
  const { t } = useTranslation()
  const loaded = useAppStore((s) => s.session !== null)
  const signedIn = useAppStore(isSignedIn)
  const theme = useAppStore((s) => s.theme)
  useEffect(() => {
    // On the root element so every stylesheet, Leaflet's included, can follow the theme.
    document.documentElement.dataset.theme = theme
  }, [theme])
  if (isMapOnlyWindow()) return <div className="app">{loaded && <MapOnlyScreen />}</div>
  return (
    <div className="app">
      <AppHeader />
      {signedIn && <RenewalBanner />}
      {!loaded ? (
        <div className="app-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('app.loading')}
        </div>
      ) : signedIn ? (
        <MainScreen />
      ) : (
        <LoginScreen />
      )}
    </div>
  )
}
