import { useTranslation } from 'react-i18next'
import { problemText } from '../../lib/error-text'
import { useAppStore } from '../../store'
import { selectListener } from '../../store/selectors'

export function ListenerStatus() {
  const { t } = useTranslation()
  const listener = useAppStore(selectListener)
  const state = listener?.state ?? 'off'
  const rejected = Object.values(listener?.rejected ?? {}).reduce((sum, n) => sum + n, 0)
  const title = [
    listener?.url,
    problemText(listener?.problem),
    listener && t('listener.stats', { accepted: listener.accepted, rejected }),
  ]
    .filter(Boolean)
    .join('\n')
  return (
    <div
      className="listener-status"
      data-testid="listener-status"
      data-state={state}
      data-url={listener?.url ?? ''}
      title={title}
    >
      <span className={`status-dot listener-${state}`} aria-hidden="true" />
      <span>{t(`listener.${state}`)}</span>
      {listener?.url && <code className="listener-url">{listener.url}</code>}
    </div>
  )
}
