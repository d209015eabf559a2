import { useTranslation } from 'react-i18next'
import { formatAge } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import { dataAge } from './data-age'

/** "Data is 6 minutes old": the map must never look live when it is not. */
export function DataAgeBanner() {
  const { t } = useTranslation()
  const language = useLanguage()
  const now = useNow(5000)
  const lastEventAt = useAppStore((s) => s.listener?.lastEventAt ?? null)
  const signedInSince = useAppStore((s) => s.session?.signedInSince ?? null)
  const thresholdMs = useAppStore((s) => (s.settings?.telemetry.staleAfterSeconds ?? 120) * 1000)
  const age = dataAge(now, lastEventAt, signedInSince, thresholdMs)
  if (!age) return null
  // formatAge says "6 min ago"; the banner wants the bare duration.
  const duration = formatAge(age.ageMs, language)
    .replace(/^hace /, '')
    .replace(/ ago$/, '')
  return (
    <div className="data-age-banner" role="status" data-testid="data-age-banner" data-kind={age.kind}>
      {t(age.kind === 'old' ? 'health.dataAge' : 'health.noDataYet', { age: duration })}
    </div>
  )
}
