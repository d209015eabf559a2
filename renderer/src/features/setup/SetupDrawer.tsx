import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { selectPhase } from '../../store/selectors'
import { ListenerSection } from './ListenerSection'
import { SyncSection } from './SyncSection'
import { WebhooksSection } from './WebhooksSection'

/** The "Fleet setup" drawer: devices and webhooks (signed in), and the local listener (always). */
export function SetupDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const phase = useAppStore(selectPhase)
  const signedIn = phase === 'signed-in' || phase === 'renewing'

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  return (
    <div className="setup-backdrop" onClick={onClose}>
      <aside
        className="setup-drawer"
        role="dialog"
        aria-modal="true"
        aria-label={t('setup.title')}
        data-testid="setup-panel"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="setup-drawer-head">
          <h2>{t('setup.title')}</h2>
          <button type="button" className="button-secondary" data-testid="setup-close" onClick={onClose}>
            {t('setup.close')}
          </button>
        </header>
        {signedIn && <SyncSection />}
        {signedIn && <WebhooksSection />}
        <ListenerSection />
      </aside>
    </div>
  )
}
