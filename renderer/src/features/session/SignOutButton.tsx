import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { signOut } from './session-actions'
import { errorText } from '../../lib/error-text'

export function SignOutButton() {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const onClick = () => {
    setBusy(true)
    setError(null)
    signOut()
      .catch((cause: unknown) => setError(errorText(cause)))
      .finally(() => setBusy(false))
  }
  return (
    <button
      type="button"
      className="header-button"
      data-testid="sign-out"
      disabled={busy}
      title={error ?? undefined}
      onClick={onClick}
    >
      {t('header.signOut')}
    </button>
  )
}
