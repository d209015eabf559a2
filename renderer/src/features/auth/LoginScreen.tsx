import type { FormEvent } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../../shared/domain/errors'
import { signIn, startDemo } from './auth-actions'
import { toAppError } from '../../lib/to-app-error'
import { problemText } from '../../lib/error-text'
import { useAppStore } from '../../store'
import { selectSession } from '../../store/selectors'
import { ApiUrlField } from './ApiUrlField'
import { ErrorBox } from './ErrorBox'
import { RememberCheckbox } from './RememberCheckbox'
import { SignedOutNotice } from './SignedOutNotice'
import './login.css'

export function LoginScreen() {
  const { t } = useTranslation()
  const session = useAppStore(selectSession)
  const lastEmail = useAppStore((s) => s.settings?.lastEmail ?? null)
  const [email, setEmail] = useState(() => session?.email ?? lastEmail ?? '')
  const [password, setPassword] = useState('')
  const [remember, setRemember] = useState(false)
  const [busy, setBusy] = useState<'sign-in' | 'demo' | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  const signingIn = busy !== null || session?.phase === 'signing-in'
  const rememberAvailable = session?.rememberAvailable ?? false

  function run(kind: 'sign-in' | 'demo', action: () => Promise<void>): void {
    setBusy(kind)
    setError(null)
    action()
      .catch((cause: unknown) => setError(toAppError(cause)))
      // On success this screen unmounts; the state update is then a harmless no-op.
      .finally(() => setBusy(null))
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    if (signingIn) return
    run('sign-in', () => signIn(email, password, remember && rememberAvailable))
  }

  return (
    <main className="login-screen">
      <div className="login-card">
        <h1 className="login-title">{t('auth.title')}</h1>
        <p className="login-subtitle">{t('auth.subtitle')}</p>

        {session && <SignedOutNotice session={session} />}

        <form className="login-form" onSubmit={onSubmit} noValidate>
          <label className="field">
            <span className="field-label">{t('auth.email')}</span>
            <input
              type="email"
              data-testid="login-email"
              autoComplete="username"
              value={email}
              disabled={signingIn}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus={!email}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('auth.password')}</span>
            <input
              type="password"
              data-testid="login-password"
              autoComplete="current-password"
              value={password}
              disabled={signingIn}
              onChange={(e) => setPassword(e.target.value)}
              autoFocus={Boolean(email)}
            />
          </label>
          <RememberCheckbox
            checked={remember && rememberAvailable}
            available={rememberAvailable}
            reason={problemText(session?.rememberUnavailableReason)}
            disabled={signingIn}
            onChange={setRemember}
          />

          {error && <ErrorBox error={error} />}

          <button
            type="submit"
            className="button-primary login-submit"
            data-testid="login-submit"
            disabled={signingIn}
          >
            {busy === 'sign-in' || (busy === null && signingIn) ? (
              <>
                <span className="spinner" aria-hidden="true" /> {t('auth.submitting')}
              </>
            ) : (
              t('auth.submit')
            )}
          </button>
        </form>

        <div className="login-divider">
          <span>{t('auth.or')}</span>
        </div>
        <button
          type="button"
          className="button-secondary login-demo"
          data-testid="demo-start"
          disabled={signingIn}
          onClick={() => run('demo', startDemo)}
        >
          {busy === 'demo' && <span className="spinner" aria-hidden="true" />} {t('auth.demo')}
        </button>
        <p className="login-hint">{t('auth.demoHint')}</p>

        <ApiUrlField disabled={signingIn} />
      </div>
    </main>
  )
}
