import { useTranslation } from 'react-i18next'
import { LoginScreen } from '../features/auth/LoginScreen'
import { useAppStore } from '../store'
import { selectPhase } from '../store/selectors'
import { AppHeader } from './AppHeader'
import { MainScreen } from './MainScreen'

export function App() {
  const { t } = useTranslation()
  const loaded = useAppStore((s) => s.session !== null)
  const phase = useAppStore(selectPhase)
  const signedIn = phase === 'signed-in' || phase === 'renewing'
  return (
    <div className="app">
      <AppHeader />
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
