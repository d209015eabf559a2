import { useTranslation } from 'react-i18next'
import { problemText } from '../../lib/error-text'
import { probeApi } from './health-actions'
import { usePolledCall } from '../../lib/use-polled-call'

const PROBE_EVERY_MS = 15_000

/** Whether the Tagora API answers from this computer, and how fast; re-checked while the panel is open. */
export function ApiHealth() {
  const { t } = useTranslation()
  const { value: probe, error } = usePolledCall(probeApi, PROBE_EVERY_MS)
  return (
    <section className="health-card" data-testid="health-api" data-reachable={probe?.reachable ?? ''}>
      <h3>{t('health.api')}</h3>
      <dl>
        <dt>URL</dt>
        <dd className="mono">{probe?.url ?? '—'}</dd>
        <dt>{t('health.state')}</dt>
        <dd className={probe && !probe.reachable ? 'health-bad' : ''}>
          {probe === null
            ? t('health.checking')
            : probe.reachable
              ? t('health.reachable')
              : t('health.unreachable', { error: problemText(probe.problem) ?? '' })}
        </dd>
        <dt>{t('health.latency')}</dt>
        <dd data-testid="health-latency">{probe?.latencyMs != null ? `${probe.latencyMs} ms` : '—'}</dd>
      </dl>
      {error && <p className="health-bad">{error}</p>}
    </section>
  )
}
