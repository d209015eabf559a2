import type { TFunction } from 'i18next'
import type { Alarm } from '../../../../shared/domain/alarms'
import type { AlarmBurst } from './alert-grouper'

/** "Unidad 004 CDMX went offline" for one vehicle, "12 vehicles went offline" for a burst. */
export function describeAlert(entry: AlarmBurst, nameOf: (assetId: string) => string, t: TFunction): string {
  const count = entry.assetIds.length
  const speed = Math.round(entry.speed ?? 0)
  if (count === 1) return t(`alerts.one.${entry.kind}`, { name: nameOf(entry.assetIds[0] ?? ''), speed })
  return t(`alerts.many.${entry.kind}`, { count, speed })
}

/** One row of the inbox, in the same words as its notification. */
export function describeAlarm(alarm: Alarm, nameOf: (assetId: string) => string, t: TFunction): string {
  return t(`alerts.one.${alarm.kind}`, { name: nameOf(alarm.assetId), speed: Math.round(alarm.speed ?? 0) })
}
