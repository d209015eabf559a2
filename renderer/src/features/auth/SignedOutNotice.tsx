import { useTranslation } from 'react-i18next'
import type { SessionState } from '../../../../shared/domain/session'

/**
 * "You were signed out because …" on the login screen: the cause in the user's language, then what
 * Tagora said (with the request id support asks for), then what to do.
 */
export function SignedOutNotice({ session }: { session: SessionState }) {
  const { t } = useTranslation()
  const { signedOutCode: code, signedOutReason: reason, signedOutDetail: detail } = session
  if (!code && !reason) return null
  // 'other' carries the app's own clause in signedOutReason.
  const because = code && code !== 'other' ? t(`auth.signedOutBecause.${code}`) : (reason ?? '')
  return (
    <div className="login-notice" data-testid="signed-out-reason" data-code={code ?? ''} role="status">
      <strong className="login-notice-title">{t('auth.signedOut', { reason: because })}</strong>
      {detail && (
        <span className="login-notice-detail" data-testid="signed-out-detail">
          {detail}
        </span>
      )}
      <span>{t('auth.signedOutAgain')}</span>
    </div>
  )
}
