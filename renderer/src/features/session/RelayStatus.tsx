import { useTranslation } from 'react-i18next'
import { problemText } from '../../lib/error-text'
import { useAppStore } from '../../store'

/** The header's feed chip when the desk follows a relay (ListenerStatus shows the desk's own listener). */
export function RelayStatus() {
  const { t } = useTranslation()
  const feed = useAppStore((s) => s.feed)
  if (!feed) return null
  const title = [feed.relayUrl, problemText(feed.problem)].filter(Boolean).join('\n')
  return (
    <div className="listener-status" data-testid="relay-status" data-state={feed.state} title={title}>
      <span className={`status-dot feed-dot-${feed.state}`} aria-hidden="true" />
      <span>{t(`relay.${feed.state}`)}</span>
    </div>
  )
}
