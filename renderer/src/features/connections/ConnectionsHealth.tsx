import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { tokenProblemText } from '../../lib/error-text'
import { formatRemaining } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import { usePolledCall } from '../../lib/use-polled-call'
import { loadConnections } from './connections-actions'

const REFRESH_EVERY_MS = 15_000

/** The health panel's card: each connection's state, token expiry and last error. */
export function ConnectionsHealth() {
  const { t } = useTranslation()
  const now = useNow(1000)
  const load = useCallback(() => loadConnections(), [])
  usePolledCall(load, REFRESH_EVERY_MS)
  const connections = useAppStore((s) => s.connections)
  return (
    <section className="health-card" data-testid="health-connections">
      <h3>{t('connections.health')}</h3>
      {connections.length === 0 ? (
        <p>{t('connections.healthEmpty')}</p>
      ) : (
        <dl>
          {connections.map(({ config, status }) => (
            <div key={config.id} data-testid="health-connection" data-phase={status.phase}>
              <dt>{config.name}</dt>
              <dd className={status.phase === 'needs-attention' ? 'health-bad' : ''}>
                {t(`connections.phase.${status.phase}`)}
                {status.expiresAt !== null &&
                  ` · ${t('connections.expires')} ${formatRemaining(status.expiresAt - now)}`}
                {status.lastProblem && ` · ${tokenProblemText(status.lastProblem) ?? ''}`}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
