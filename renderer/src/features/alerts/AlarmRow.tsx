import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alarm } from '../../../../shared/domain/alarms'
import { formatFixTime } from '../../lib/format'
import type { Language } from '../../lib/language'
import { describeAlarm } from './alert-text'

interface Props {
  alarm: Alarm
  nameOf: (assetId: string) => string
  language: Language
  onSelect: (assetId: string) => void
  onAcknowledge: (id: number) => void
  onMuteVehicle: (assetId: string) => void
  onMuteKind: (alarm: Alarm) => void
}

/** One alarm of the inbox: when, what, its state and who acknowledged it; one click to the vehicle. */
export const AlarmRow = memo(function AlarmRow({
  alarm,
  nameOf,
  language,
  onSelect,
  onAcknowledge,
  onMuteVehicle,
  onMuteKind,
}: Props) {
  const { t } = useTranslation()
  const time = (at: number) => formatFixTime(at, language)
  return (
    <li
      className={`alert-entry alert-${alarm.kind} alarm-state-${alarm.state}`}
      data-testid="alarm-row"
      data-alarm-id={alarm.id}
      data-state={alarm.state}
      data-kind={alarm.kind}
      data-asset-id={alarm.assetId}
    >
      <time className="alert-time">{time(alarm.raisedAt)}</time>
      <button type="button" className="alert-text link-button" onClick={() => onSelect(alarm.assetId)}>
        {describeAlarm(alarm, nameOf, t)}
      </button>
      <span className="alarm-status">
        <span className={`alarm-state alarm-state-${alarm.state}`}>{t(`alarms.state.${alarm.state}`)}</span>
        {' · '}
        {alarm.endedAt === null ? t('alarms.ongoing') : t('alarms.ended', { time: time(alarm.endedAt) })}
        {alarm.acknowledgedAt !== null && (
          <span className="alarm-ack-by" data-testid="alarm-ack-by">
            {t('alarms.acknowledgedBy', {
              user: alarm.acknowledgedBy ?? '',
              time: time(alarm.acknowledgedAt),
            })}
            {alarm.note && <q className="alarm-note-text">{alarm.note}</q>}
          </span>
        )}
      </span>
      <span className="alert-actions">
        {alarm.state === 'new' && (
          <button
            type="button"
            className="button-secondary alarm-ack"
            data-testid="alarm-ack"
            onClick={() => onAcknowledge(alarm.id)}
          >
            {t('alarms.acknowledge')}
          </button>
        )}
        <button type="button" className="link-button" onClick={() => onMuteVehicle(alarm.assetId)}>
          {t('alerts.muteVehicle')}
        </button>
        <button
          type="button"
          className="link-button"
          data-testid="alert-mute-kind"
          onClick={() => onMuteKind(alarm)}
        >
          {t('alerts.muteKind', { kind: t(`alerts.kind.${alarm.kind}`) })}
        </button>
      </span>
    </li>
  )
})
