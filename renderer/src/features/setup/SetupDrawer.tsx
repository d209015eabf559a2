import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { isSignedIn } from '../../store/selectors'
import { FeedSection } from './FeedSection'
import { ListenerSection } from './ListenerSection'
import { SyncSection } from './SyncSection'
import { WebhooksSection } from './WebhooksSection'
import { Modal } from '../../lib/Modal'

/** The "Fleet setup" drawer: devices and webhooks (signed in), the feed and the local listener (always). */
export function SetupDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const signedIn = useAppStore(isSignedIn)

  return (
    <Modal
      placement="drawer"
      className="setup-drawer"
      label={t('setup.title')}
      testId="setup-panel"
      onClose={onClose}
    >
      <header className="setup-drawer-head">
        <h2>{t('setup.title')}</h2>
        <button type="button" className="button-secondary" data-testid="setup-close" onClick={onClose}>
          {t('setup.close')}
        </button>
      </header>
      {signedIn && <SyncSection />}
      <FeedSection />
      {signedIn && <WebhooksSection />}
      <ListenerSection />
    </Modal>
  )
}
