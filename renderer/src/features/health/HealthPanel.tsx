import { useTranslation } from 'react-i18next'
import { formatAge, formatFixTime, formatRemaining } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import { selectLastFixAt, selectListener, selectPhase, selectSession } from '../../store/selectors'
import { renewalProblemText } from '../session/session-view'
import { Modal } from '../../lib/Modal'
import { ApiHealth } from './ApiHealth'
import { ConnectionsHealth } from '../connections/ConnectionsHealth'
import { HistoryHealth } from './HistoryHealth'
import { ListenerHealth } from './ListenerHealth'
import { RawEventInspector } from './RawEventInspector'
import './health.css'

/** Everything a dispatcher or their IT checks when "the map looks wrong": one panel, live. */
export function HealthPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const now = useNow(1000)
  const phase = useAppStore(selectPhase)
  const session = useAppStore(selectSession)
  const lastFixAt = useAppStore(selectLastFixAt)
  const listener = useAppStore(selectListener)
  const renewalProblem = renewalProblemText(session)
  const time = (at: number | null | undefined) => (at ? formatFixTime(at, language, now) : '—')

  return (
    <Modal
      placement="dialog"
      className="health-panel"
      label={t('health.title')}
      testId="health-panel"
      onClose={onClose}
    >
      <header className="health-head">
        <h2>{t('health.title')}</h2>
        <button type="button" className="health-close" aria-label={t('detail.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="health-grid">
        <section className="health-card" data-testid="health-session">
          <h3>{t('health.session')}</h3>
          <dl>
            <dt>{t('health.state')}</dt>
            <dd data-state={phase}>{t(`health.phase.${phase}`)}</dd>
            <dt>{t('health.user')}</dt>
            <dd>{session?.email ?? '—'}</dd>
            <dt>{t('health.since')}</dt>
            <dd>{time(session?.signedInSince)}</dd>
            <dt>{t('health.tokenExpires')}</dt>
            <dd data-testid="health-token-expiry">
              {session?.accessExpiresAt ? formatRemaining(session.accessExpiresAt - now) : '—'}
            </dd>
            <dt>{t('health.lastRenewal')}</dt>
            <dd>{time(session?.lastRenewedAt)}</dd>
            {renewalProblem && (
              <>
                <dt>{t('health.renewalError')}</dt>
                <dd className="health-bad">{renewalProblem}</dd>
              </>
            )}
          </dl>
        </section>
        <ListenerHealth listener={listener} now={now} />
        <ApiHealth />
        <ConnectionsHealth />
        <HistoryHealth />
        <section className="health-card">
          <h3>{t('health.data')}</h3>
          <p data-testid="health-data-age">
            {lastFixAt !== null
              ? t('health.lastEvent', { age: formatAge(now - lastFixAt, language) })
              : t('health.noEventYet')}
          </p>
        </section>
      </div>
      <RawEventInspector />
    </Modal>
  )
}
