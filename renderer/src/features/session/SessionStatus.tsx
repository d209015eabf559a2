import { useTranslation } from 'react-i18next'
import { formatFixTime, formatRemaining } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import { isSignedIn, selectPhase, selectSession } from '../../store/selectors'
import { renewalProblemText } from './session-view'
import './session.css'

export function SessionStatus() {
  const { t } = useTranslation()
  const language = useLanguage()
  const session = useAppStore(selectSession)
  const phase = useAppStore(selectPhase)
  const active = useAppStore(isSignedIn)
  // Ticks only so the hover title's countdown stays right; nothing else here depends on it.
  const now = useNow(1000, active)

  if (!session || !active) {
    return (
      <div className="session-status" data-testid="session-status" data-state={phase}>
        {phase === 'signing-in' ? t('header.signingIn') : t('header.notSignedIn')}
      </div>
    )
  }

  const hints: string[] = []
  if (session.signedInSince !== null)
    hints.push(t('header.signedInSince', { time: formatFixTime(session.signedInSince, language, now) }))
  if (session.accessExpiresAt !== null)
    hints.push(t('header.expiresIn', { time: formatRemaining(session.accessExpiresAt - now) }))
  const renewalProblem = renewalProblemText(session)
  if (renewalProblem) hints.push(t('header.renewalError', { error: renewalProblem }))

  return (
    <div
      className="session-status"
      data-testid="session-status"
      data-state={phase}
      data-expires-at={session.accessExpiresAt ?? ''}
      title={hints.join('\n')}
    >
      {session.demo && <span className="badge badge-demo">{t('header.demo')}</span>}
      <span className="session-who">{session.email ?? '—'}</span>
      {session.organizationId && (
        <span className="session-org">{t('header.organization', { id: session.organizationId })}</span>
      )}
      {phase === 'renewing' && <span className="session-renewing">{t('header.renewing')}</span>}
      {phase !== 'renewing' && renewalProblem && (
        <span className="session-warning" aria-label={renewalProblem}>
          !
        </span>
      )}
    </div>
  )
}
