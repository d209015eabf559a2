import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../../shared/domain/errors'

/** The server's own message plus the request id support will ask for. */
export function ErrorBox({ error }: { error: AppError }) {
  const { t } = useTranslation()
  return (
    <div className="login-error" data-testid="login-error" role="alert" data-code={error.code}>
      <span>{error.message}</span>
      {error.requestId && (
        <span className="login-error-request">{t('auth.requestId', { id: error.requestId })}</span>
      )}
    </div>
  )
}
