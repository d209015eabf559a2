import { useTranslation } from 'react-i18next'
import { formatFixTime } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useAppStore } from '../../store'
import { exitReplay } from './replay-actions'

/** Over the map while replaying: what time the map shows, that it is not live, and the way back. */
export function ReplayBanner() {
  const { t } = useTranslation()
  const language = useLanguage()
  const playhead = useAppStore((s) => (s.replay ? Math.round(s.replay.playhead) : null))
  if (playhead === null) return null
  return (
    <div className="replay-banner" data-testid="replay-banner" data-time={playhead} role="status">
      <strong>{t('history.replay.banner')}</strong>
      <time className="replay-banner-time">{formatFixTime(playhead, language, Number.NaN)}</time>
      <span className="replay-banner-hint">{t('history.replay.bannerHint')}</span>
      <button
        type="button"
        className="replay-exit"
        data-testid="replay-exit"
        title={t('history.replay.exitHint')}
        onClick={exitReplay}
      >
        {t('history.replay.exit')}
      </button>
    </div>
  )
}
