import { useTranslation } from 'react-i18next'
import { formatFixTime } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { recentListenerEvents } from './health-actions'
import { usePolledCall } from '../../lib/use-polled-call'

const REFRESH_MS = 2000
const SHOWN = 50

/**
 * The last signed webhook bodies as received, accepted or refused with the reason: what Tagora really
 * sends, and the headers a tunnel added on the way. Unsigned requests are only counted (Health).
 */
export function RawEventInspector() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { value: events } = usePolledCall(recentListenerEvents, REFRESH_MS)
  const newestFirst = (events ?? []).slice(-SHOWN).reverse()

  return (
    <section className="health-raw" data-testid="raw-events">
      <h3>{t('health.rawEvents')}</h3>
      {newestFirst.length === 0 ? (
        <p className="health-muted">{t('health.noRawEvents')}</p>
      ) : (
        <ol className="raw-list">
          {newestFirst.map((event, i) => (
            <li
              key={`${event.receivedAt}-${i}`}
              className={event.accepted ? 'raw-accepted' : 'raw-rejected'}
              data-testid="raw-event"
              data-accepted={event.accepted}
              data-reason={event.reason ?? ''}
            >
              <div className="raw-meta">
                <time>{formatFixTime(event.receivedAt, language)}</time>
                <span>
                  {event.accepted ? t('health.accepted') : t(`health.reason.${event.reason ?? 'bad-json'}`)}
                </span>
                {event.counts && (
                  <span className="health-muted" data-testid="raw-event-counts">
                    {t('health.rawCounts', event.counts)}
                  </span>
                )}
                {event.detail && <span className="health-muted">{event.detail}</span>}
              </div>
              {event.forwarded && (
                <dl
                  className="raw-forwarded"
                  data-testid="raw-event-forwarded"
                  title={t('health.forwardedHint')}
                >
                  {Object.entries(event.forwarded).map(([name, value]) => (
                    <div key={name}>
                      <dt>{name}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <pre className="raw-body">
                {event.body}
                {event.truncated ? ' …' : ''}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
