import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../lib/error-text'
import { useAppStore } from '../../store'
import { applyListenerSettings } from './setup-actions'

/**
 * A webhook whose postUrl path is not the listener's: deliveries through a tunnel that keeps the
 * Host still arrive, but one that rewrites it (ngrok --host-header=rewrite) lands on a path the
 * listener refuses. One click makes the listener serve the webhook's path.
 */
export function ListenerPathMismatch({ postUrl }: { postUrl: string }) {
  const { t } = useTranslation()
  const listenerPath = useAppStore((s) => s.settings?.listener.path)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const path = pathOf(postUrl)
  if (path === null || listenerPath === undefined || path === listenerPath) return null

  function fix(target: string): void {
    setBusy(true)
    setError(null)
    applyListenerSettings({ path: target })
      .catch((cause: unknown) => setError(errorText(cause)))
      .finally(() => setBusy(false))
  }

  return (
    <div className="setup-warning" data-testid="listener-path-mismatch" data-path={path}>
      <span>{t('setup.webhooks.pathMismatch', { path, listenerPath })}</span>
      <button
        type="button"
        className="button-secondary"
        data-testid="listener-path-fix"
        disabled={busy}
        onClick={() => fix(path)}
      >
        {t('setup.webhooks.pathFix', { path })}
      </button>
      {error && <span className="setup-error">{error}</span>}
    </div>
  )
}

function pathOf(postUrl: string): string | null {
  try {
    return new URL(postUrl).pathname
  } catch {
    return null
  }
}
