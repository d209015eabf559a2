import { useTranslation } from 'react-i18next'
import type { RejectReason } from '../../../../shared/domain/listener'
import { useAppStore } from '../../store'
import { selectListener } from '../../store/selectors'
import { problemText } from '../../lib/error-text'
import { suggestedPort } from './listener-port'
import { useLanguage } from '../../lib/i18n'
import { formatFixTime } from '../../lib/format'

/** Local URL, accepted and rejected-by-reason counters, last event time; the error with a next step. */
export function ListenerDetails() {
  const { t } = useTranslation()
  const language = useLanguage()
  const listener = useAppStore(selectListener)
  if (!listener) return null
  const suggestion = suggestedPort(listener.problem)
  const reasons = Object.entries(listener.rejected).filter(([, n]) => (n ?? 0) > 0) as [
    RejectReason,
    number,
  ][]
  return (
    <dl
      className="setup-listener"
      data-testid="listener-details"
      data-state={listener.state}
      data-accepted={listener.accepted}
    >
      {listener.problem && (
        <div className="setup-error" data-testid="listener-error" role="alert">
          <span>{problemText(listener.problem)}</span>
          {/* The error already says what to do; for a busy port, name a nearby one to try. */}
          {suggestion !== null && <span> {t('setup.listener.portHint', { port: suggestion })}</span>}
        </div>
      )}
      <dt>{t('setup.listener.localUrl')}</dt>
      <dd>
        <code data-testid="listener-local-url">{listener.url ?? '—'}</code>
      </dd>
      <dt>{t('setup.listener.accepted')}</dt>
      <dd>{listener.accepted}</dd>
      <dt>{t('setup.listener.rejected')}</dt>
      <dd data-testid="listener-rejected">
        {reasons.length === 0
          ? t('setup.listener.noneRejected')
          : reasons.map(([reason, n]) => `${t(`setup.listener.reasons.${reason}`)}: ${n}`).join(', ')}
      </dd>
      <dt>{t('setup.listener.lastEvent')}</dt>
      <dd>
        {listener.lastEventAt === null
          ? t('setup.listener.never')
          : formatFixTime(listener.lastEventAt, language)}
      </dd>
    </dl>
  )
}
