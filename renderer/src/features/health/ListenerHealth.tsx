import { useTranslation } from 'react-i18next'
import type { ListenerState, RejectReason } from '../../../../shared/domain/listener'
import { useAppStore } from '../../store'
import { ratePerSecond } from '../../lib/event-rate'
import { problemText } from '../../lib/error-text'

/** Listener state, URL, events per second and rejections by reason. */
export function ListenerHealth({ listener, now }: { listener: ListenerState | null; now: number }) {
  const { t } = useTranslation()
  const samples = useAppStore((s) => s.acceptedSamples)
  const accepted = listener?.accepted ?? 0
  const rejected = Object.entries(listener?.rejected ?? {}) as [RejectReason, number][]
  const rate = ratePerSecond(samples, now)

  return (
    <section className="health-card" data-testid="health-listener">
      <h3>{t('health.listener')}</h3>
      <dl>
        <dt>{t('health.state')}</dt>
        <dd className={listener?.state === 'error' ? 'health-bad' : ''}>
          {t(`listener.${listener?.state ?? 'off'}`)}
          {listener?.problem ? `: ${problemText(listener.problem) ?? ''}` : ''}
        </dd>
        <dt>URL</dt>
        <dd className="mono">{listener?.url ?? '—'}</dd>
        <dt>{t('health.accepted')}</dt>
        <dd data-testid="health-accepted">{accepted}</dd>
        <dt>{t('health.rate')}</dt>
        <dd data-testid="health-rate">{t('health.perSecond', { rate: rate.toFixed(1) })}</dd>
      </dl>
      <h4>{t('health.rejected')}</h4>
      {rejected.length === 0 ? (
        <p className="health-muted">{t('health.noneRejected')}</p>
      ) : (
        <table className="health-table" data-testid="health-rejected">
          <tbody>
            {rejected.map(([reason, n]) => (
              <tr key={reason} data-reason={reason}>
                <td>{t(`health.reason.${reason}`)}</td>
                <td>{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
