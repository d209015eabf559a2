import { useTranslation } from 'react-i18next'
import { formatAge } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import { selectLastFixAt, selectStaleAfterMs } from '../../store/selectors'
import { dataAge, needsWebhook } from './data-age'

/**
 * "Data is 6 minutes old": the map must never look live when it is not. A desk that cannot receive
 * anything (no webhook) is told so at once, with the way to fix it.
 */
export function DataAgeBanner() {
  const { t } = useTranslation()
  const language = useLanguage()
  const now = useNow(5000)
  const lastEventAt = useAppStore(selectLastFixAt)
  const signedInSince = useAppStore((s) => s.session?.signedInSince ?? null)
  const thresholdMs = useAppStore(selectStaleAfterMs)
  const webhooks = useAppStore((s) => s.webhooks.webhooks.length)
  const onRelay = useAppStore((s) => s.feed?.kind === 'relay')
  const openSetup = useAppStore((s) => s.setSetupOpen)
  if (needsWebhook({ now, signedInSince, lastEventAt, webhooks, onRelay })) {
    return (
      <div className="data-age-banner" role="status" data-testid="data-age-banner" data-kind="no-webhook">
        {t('health.noWebhook')}{' '}
        <button
          type="button"
          className="data-age-action"
          data-testid="data-age-open-setup"
          onClick={() => openSetup(true)}
        >
          {t('health.openSetup')}
        </button>
      </div>
    )
  }
  const age = dataAge(now, lastEventAt, signedInSince, thresholdMs)
  if (!age) return null
  // formatAge says "6 min ago"; the banner wants the bare duration.
  const duration = formatAge(age.ageMs, language)
    .replace(/^hace /, '')
    .replace(/ ago$/, '')
  return (
    <div className="data-age-banner" role="status" data-testid="data-age-banner" data-kind={age.kind}>
      {t(`health.${age.kind === 'old' ? 'dataAge' : 'noDataYet'}${onRelay ? 'Relay' : ''}`, {
        age: duration,
      })}
    </div>
  )
}
