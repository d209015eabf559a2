import { useTranslation } from 'react-i18next'
import { callApi } from '../../lib/call'
import { useAppStore } from '../../store'
import { errorInfoText } from '../../lib/error-text'

/** A start-up problem (e.g. an unusable settings file moved aside), shown until dismissed. */
export function SettingsNotice() {
  const { t } = useTranslation()
  const notice = useAppStore((s) => s.notice)
  const setNotice = useAppStore((s) => s.setNotice)
  if (notice === null) return null
  return (
    <div className="setup-notice" data-testid="app-notice" role="alert">
      <strong>{t('setup.notice')}</strong>
      <span>{errorInfoText(notice)}</span>
      <button
        type="button"
        className="button-secondary"
        data-testid="app-notice-dismiss"
        onClick={() => {
          setNotice(null)
          // Main forgets it too, or the next snapshot (a reconnect, a new window) would bring it back.
          void callApi('app:dismiss-notice', undefined).catch(() => undefined)
        }}
      >
        {t('setup.dismiss')}
      </button>
    </div>
  )
}
