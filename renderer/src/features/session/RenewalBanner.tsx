import { useTranslation } from 'react-i18next'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import { selectSession } from '../../store/selectors'
import { renewalProblemText, secondsUntilRetry, showsRenewalBanner } from './session-view'
import './session.css'

/** Shown while renewal retries are pending: what failed, which retry is next and when. */
export function RenewalBanner() {
  const { t } = useTranslation()
  const session = useAppStore(selectSession)
  const visible = showsRenewalBanner(session)
  const now = useNow(500, visible)
  const retry = session?.renewalRetry
  if (!visible || !retry) return null
  const seconds = secondsUntilRetry(retry.at, now)
  const params = { retry: retry.retry, of: retry.of, seconds }
  return (
    <div className="renewal-banner" data-testid="renewal-banner" data-retry={retry.retry} role="status">
      <strong>{t('header.renewalBanner', { error: renewalProblemText(session) ?? '' })}</strong>
      <span>{seconds > 0 ? t('header.renewalRetryIn', params) : t('header.renewalRetryNow', params)}</span>
    </div>
  )
}
