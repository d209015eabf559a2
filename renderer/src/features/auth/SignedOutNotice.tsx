import { useTranslation } from 'react-i18next'
import type { SessionState } from '../../../../shared/domain/session'
import { errorInfoText } from '../../lib/error-text'

/**
 * "You were signed out because …" on the login screen: the cause in the user's language, then what
 * Tagora said (with the request id support asks for), then what to do.
 */
export function SignedOutNotice({ session }: { session: SessionState }) {
  const { t } = useTranslation()
  const { signedOut } = session
  if (!signedOut) return null
  return (
    <div className="login-notice" data-testid="signed-out-reason" data-code={signedOut.code} role="status">
      <strong className="login-notice-title">
        {t('auth.signedOut', { reason: t(`auth.signedOutBecause.${signedOut.code}`) })}
      </strong>
      <span className="login-notice-detail" data-testid="signed-out-detail">
        {errorInfoText(signedOut.problem)}
      </span>
      <span>{t('auth.signedOutAgain')}</span>
    </div>
  )
}
