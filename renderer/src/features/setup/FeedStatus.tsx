import { useTranslation } from 'react-i18next'
import type { FeedState } from '../../../../shared/domain/feed'
import { problemText } from '../../lib/error-text'

/** The relay link in a dispatcher's words: connected (whose fleet, how far), retrying, or refused. */
export function FeedStatus({ feed }: { feed: FeedState }) {
  const { t } = useTranslation()
  const problem = problemText(feed.problem)
  return (
    <p
      className={`feed-status feed-${feed.state}`}
      data-testid="feed-status"
      data-state={feed.state}
      data-sequence={feed.lastSequence ?? ''}
      role="status"
    >
      <span className={`status-dot feed-dot-${feed.state}`} aria-hidden="true" />
      {t(`setup.feed.state.${feed.state}`, {
        organization: feed.organizationId ?? '—',
        received: feed.received,
      })}
      {problem && <span className="feed-problem"> {problem}</span>}
    </p>
  )
}
