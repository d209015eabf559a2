import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText, problemText } from '../../lib/error-text'
import { formatFixTime } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { usePolledCall } from '../../lib/use-polled-call'
import { useAppStore } from '../../store'
import { NumberSetting } from '../alerts/NumberSetting'
import { historyHealth, setHistorySettings } from './health-actions'

const REFRESH_MS = 3_000
const MIB = 1024 * 1024

/** The history database: size, rows, oldest fix, write rate and last error; retention and size cap. */
export function HistoryHealth() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { value: health, error } = usePolledCall(historyHealth, REFRESH_MS)
  const settings = useAppStore((s) => s.settings?.history)
  const [saveError, setSaveError] = useState<string | null>(null)
  const save = (change: { retentionDays?: number; maxSizeMiB?: number }) => {
    setSaveError(null)
    setHistorySettings(change).catch((cause: unknown) => setSaveError(errorText(cause)))
  }
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)

  return (
    <section className="health-card" data-testid="health-history" data-state={health?.state ?? ''}>
      <h3>{t('history.health.title')}</h3>
      <dl>
        <dt>{t('health.state')}</dt>
        <dd className={health?.state === 'error' || health?.state === 'memory' ? 'health-bad' : ''}>
          {health ? t(`history.health.state.${health.state}`) : t('health.checking')}
        </dd>
        <dt>{t('history.health.size')}</dt>
        <dd data-testid="health-history-size">
          {health ? t('history.health.mib', { size: number(health.fileBytes / MIB, 1) }) : '—'}
        </dd>
        <dt>{t('history.health.fixes')}</dt>
        <dd data-testid="health-history-fixes" data-count={health?.fixes ?? ''}>
          {health ? number(health.fixes) : '—'}
        </dd>
        <dt>{t('history.health.oldest')}</dt>
        <dd>{health?.oldestFix ? formatFixTime(health.oldestFix, language) : '—'}</dd>
        <dt>{t('history.health.rate')}</dt>
        <dd>{health ? t('health.perSecond', { rate: number(health.writesPerSecond, 1) }) : '—'}</dd>
        {health && health.droppedFixes > 0 && (
          <>
            <dt>{t('history.health.dropped')}</dt>
            <dd className="health-bad">{number(health.droppedFixes)}</dd>
          </>
        )}
        <dt>{t('history.health.lastError')}</dt>
        <dd className={health?.lastError ? 'health-bad' : ''} data-testid="health-history-error">
          {problemText(health?.lastError ?? null) ?? '—'}
        </dd>
      </dl>
      {settings && (
        <div className="health-history-settings">
          <NumberSetting
            label={t('history.health.keepDays')}
            unit={t('history.health.days')}
            min={1}
            max={3650}
            value={settings.retentionDays}
            testId="history-retention-days"
            onCommit={(retentionDays) => save({ retentionDays })}
          />
          <NumberSetting
            label={t('history.health.maxSize')}
            unit="MiB"
            min={64}
            value={settings.maxSizeMiB}
            testId="history-max-size"
            onCommit={(maxSizeMiB) => save({ maxSizeMiB })}
          />
        </div>
      )}
      {(error ?? saveError) && <p className="health-bad">{error ?? saveError}</p>}
    </section>
  )
}
