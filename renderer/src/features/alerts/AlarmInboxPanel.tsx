import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alarm } from '../../../../shared/domain/alarms'
import { MAX_ALARM_NOTE } from '../../../../shared/domain/alarms'
import { errorText } from '../../lib/error-text'
import { useLanguage } from '../../lib/i18n'
import { useAppStore } from '../../store'
import { alarmsCsv } from '../export/alarms-csv'
import { exportFileName } from '../export/csv-cells'
import { downloadText } from '../export/download-text'
import { AlarmFiltersBar } from './AlarmFiltersBar'
import { AlarmRow } from './AlarmRow'
import { AlertSettingsForm } from './AlertSettingsForm'
import { DEFAULT_ALARM_FILTERS, filterAlarms, listQuery } from './alarm-filter'
import type { AlarmFilters } from './alarm-filter'
import { acknowledgeAlarms, listAlarms, setAlarmSettings, toggled } from './alerts-actions'

/** Rows the inbox shows; the CSV export carries every alarm the filters match (up to main's 5,000). */
const SHOWN = 300

/** The alarm inbox: filters, acknowledge one or all of a kind with an optional note, export as CSV. */
export function AlarmInboxPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const revision = useAppStore((s) => s.alarmsRevision)
  const devices = useAppStore((s) => s.devices)
  const select = useAppStore((s) => s.selectAsset)
  const [filters, setFilters] = useState<AlarmFilters>(DEFAULT_ALARM_FILTERS)
  const [alarms, setAlarms] = useState<Alarm[]>([])
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const names = useMemo(() => new Map(devices.map((d) => [d.assetId, d.deviceName || d.assetId])), [devices])
  const nameOf = useCallback((assetId: string) => names.get(assetId) ?? assetId, [names])

  useEffect(
    function readInbox() {
      let current = true
      listAlarms(listQuery(filters)).then(
        (list) => current && setAlarms(list),
        (cause: unknown) => current && setError(errorText(cause)),
      )
      return () => {
        current = false
      }
    },
    // The revision is bumped by every change main pushes: the list is read again.
    [filters, revision],
  )

  const matching = useMemo(() => filterAlarms(alarms, filters, devices), [alarms, filters, devices])
  // "All of a kind" means every vehicle: the vehicle filter narrows the rows shown, not what this acknowledges.
  const newCount = alarms.filter((a) => a.state === 'new').length
  const run = useCallback((work: Promise<unknown>) => {
    setError(null)
    work.then(
      () => setNote(''),
      (cause: unknown) => setError(errorText(cause)),
    )
  }, [])
  const acknowledge = useCallback((id: number) => run(acknowledgeAlarms({ id }, note)), [run, note])
  const muteVehicle = useCallback(
    (assetId: string) => {
      const muted = useAppStore.getState().settings?.alarms.mutedAssetIds ?? []
      run(setAlarmSettings({ mutedAssetIds: toggled(muted, assetId) }))
    },
    [run],
  )
  const muteKind = useCallback(
    (alarm: Alarm) => {
      const muted = useAppStore.getState().settings?.alarms.mutedKinds ?? []
      run(setAlarmSettings({ mutedKinds: toggled(muted, alarm.kind) }))
    },
    [run],
  )

  return (
    <div
      className="alerts-panel alarm-inbox"
      data-testid="alarm-inbox"
      role="dialog"
      aria-label={t('alarms.title')}
    >
      <header className="alerts-panel-head">
        <h2>{t('alarms.title')}</h2>
        <button
          type="button"
          className="link-button"
          data-testid="alarm-export"
          disabled={matching.length === 0}
          onClick={() =>
            downloadText(exportFileName(new Date(), 'fleet-alarms'), alarmsCsv(matching, devices))
          }
        >
          {t('alarms.export')}
        </button>
        <button type="button" className="alerts-close" aria-label={t('detail.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <AlertSettingsForm />
      <AlarmFiltersBar filters={filters} onChange={setFilters} />
      <div className="alarm-bulk">
        <input
          type="text"
          className="alarm-note"
          data-testid="alarm-note"
          maxLength={MAX_ALARM_NOTE}
          placeholder={t('alarms.note')}
          aria-label={t('alarms.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button
          type="button"
          className="button-secondary"
          data-testid="alarm-ack-all"
          data-kind={filters.kind}
          disabled={newCount === 0}
          onClick={() => run(acknowledgeAlarms(filters.kind === 'all' ? {} : { kind: filters.kind }, note))}
        >
          {filters.kind === 'all'
            ? t('alarms.acknowledgeAll', { count: newCount })
            : t('alarms.acknowledgeAllKind', { kind: t(`alerts.kind.${filters.kind}`), count: newCount })}
        </button>
      </div>
      {error && (
        <p className="alert-setting-error" role="alert">
          {error}
        </p>
      )}
      {matching.length === 0 ? (
        <p className="alerts-empty">{t('alarms.empty')}</p>
      ) : (
        <ul className="alerts-entries" data-testid="alarm-rows" data-count={matching.length}>
          {matching.slice(0, SHOWN).map((alarm) => (
            <AlarmRow
              key={alarm.id}
              alarm={alarm}
              nameOf={nameOf}
              language={language}
              onSelect={select}
              onAcknowledge={acknowledge}
              onMuteVehicle={muteVehicle}
              onMuteKind={muteKind}
            />
          ))}
        </ul>
      )}
    </div>
  )
}
