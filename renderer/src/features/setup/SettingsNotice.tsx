import { useTranslation } from 'react-i18next'
import { dismissNotice } from './setup-actions'
import { useAppStore } from '../../store'
import { errorInfoText } from '../../lib/error-text'

/** A start-up problem (e.g. an unusable settings file moved aside), shown until dismissed. */
export function SettingsNotice() {
  const { t } = useTranslation()
  const notice = useAppStore((s) => s.notice)
  if (notice === null) return null
  return (
    <div className="setup-notice" data-testid="app-notice" role="alert">
      <strong>{t(notice.code.startsWith('history-') ? 'setup.noticeHistory' : 'setup.notice')}</strong>
      <span>{errorInfoText(notice)}</span>
      <button
        type="button"
        className="button-secondary"
        data-testid="app-notice-dismiss"
        onClick={dismissNotice}
      >
        {t('setup.dismiss')}
      </button>
    </div>
  )
}
