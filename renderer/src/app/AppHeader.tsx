import { useTranslation } from 'react-i18next'
import { AlertsButton } from '../features/alerts/AlertsButton'
import { HealthButton } from '../features/health/HealthButton'
import { ConnectionsButton } from '../features/connections/ConnectionsButton'
import { LanguageSwitch } from '../features/session/LanguageSwitch'
import { FleetSetup } from '../features/setup/FleetSetup'
import { ListenerStatus } from '../features/session/ListenerStatus'
import { RelayStatus } from '../features/session/RelayStatus'
import { SessionStatus } from '../features/session/SessionStatus'
import { SignOutButton } from '../features/session/SignOutButton'
import { useAppStore } from '../store'
import { isSignedIn } from '../store/selectors'

export function AppHeader() {
  const { t } = useTranslation()
  const signedIn = useAppStore(isSignedIn)
  const onRelay = useAppStore((s) => s.feed?.kind === 'relay')
  return (
    <header className="app-header">
      <div className="app-brand">
        <svg className="app-logo" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 2 20 21 12 16.5 4 21Z" />
        </svg>
        {t('app.name')}
      </div>
      <div className="app-header-spacer" />
      {onRelay ? <RelayStatus /> : <ListenerStatus />}
      {signedIn && <AlertsButton />}
      <FleetSetup />
      <ConnectionsButton />
      <HealthButton />
      <SessionStatus />
      <LanguageSwitch />
      {signedIn && <SignOutButton />}
    </header>
  )
}
