import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** One command the user can copy with a click (tunnel examples). */
export function CopyCommand({ command }: { command: string }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  function copy(): void {
    void navigator.clipboard
      ?.writeText(command)
      .then(() => setCopied(true))
      .catch(() => setCopied(false))
  }
  return (
    <div className="setup-command">
      <code data-testid="tunnel-command">{command}</code>
      <button type="button" className="button-secondary" onClick={copy}>
        {copied ? t('setup.webhooks.copied') : t('setup.webhooks.copy')}
      </button>
    </div>
  )
}
