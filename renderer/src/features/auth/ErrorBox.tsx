import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../../shared/domain/errors'
import { errorInfoText } from '../../lib/error-text'

/** The error in the user's language, plus the request id support will ask for. */
export function ErrorBox({ error }: { error: AppError }) {
  const { t } = useTranslation()
  const text = errorInfoText(error)
  return (
    <div className="login-error" data-testid="login-error" role="alert" data-code={error.code}>
      <span>{text}</span>
      {error.requestId && !text.includes(error.requestId) && (
        <span className="login-error-request">{t('auth.requestId', { id: error.requestId })}</span>
      )}
    </div>
  )
}
