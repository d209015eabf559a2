import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'

/** A start-up problem (e.g. an unusable settings file moved aside), shown until dismissed. */
export function SettingsNotice() {
  const { t } = useTranslation()
  const notice = useAppStore((s) => s.notice)
  const setNotice = useAppStore((s) => s.setNotice)
  if (notice === null) return null
  return (
    <div className="setup-notice" data-testid="app-notice" role="alert">
      <strong>{t('setup.notice')}</strong>
      <span>{notice}</span>
      <button type="button" className="button-secondary" onClick={() => setNotice(null)}>
        {t('setup.dismiss')}
      </button>
    </div>
  )
}
