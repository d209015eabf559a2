import { useTranslation } from 'react-i18next'
import { tunnelCommands } from '../../../../shared/domain/webhook'
import { useAppStore } from '../../store'
import { CopyCommand } from './CopyCommand'

/** Why the URL must be public, and how to forward one to the local listener's port. */
export function TunnelHelp() {
  const { t } = useTranslation()
  const listener = useAppStore((s) => s.listener)
  const path = useAppStore((s) => s.settings?.listener.path ?? '/tagora/events')
  const port = listener?.url ? Number(new URL(listener.url).port) : null
  const commands = port ? tunnelCommands(port) : null
  return (
    <div className="setup-help" data-testid="webhook-help">
      <p>{t('setup.webhooks.why')}</p>
      {commands ? (
        <>
          <p>{t('setup.webhooks.tunnelHint', { port })}</p>
          <CopyCommand command={commands.cloudflared} />
          <CopyCommand command={commands.ngrok} />
          <p>{t('setup.webhooks.tunnelPath', { path })}</p>
        </>
      ) : (
        <p>{t('setup.webhooks.noListener')}</p>
      )}
    </div>
  )
}
