import type { TFunction } from 'i18next'
import type { Alarm } from '../../../../shared/domain/alarms'
import type { AlarmBurst } from './alert-grouper'

/**
 * "Unidad 004 CDMX went offline" for one vehicle, "12 vehicles went offline" for a burst. When the
 * whole feed has gone quiet, stale and offline say so: the tunnel died, not the fleet.
 */
export function describeAlert(
  entry: AlarmBurst,
  nameOf: (assetId: string) => string,
  t: TFunction,
  feedQuiet = false,
): string {
  const count = entry.assetIds.length
  const speed = Math.round(entry.speed ?? 0)
  const size = count === 1 ? 'one' : 'many'
  const words = feedQuiet && entry.kind !== 'speeding' ? `alerts.quiet.${size}` : `alerts.${size}`
  return t(`${words}.${entry.kind}`, { name: nameOf(entry.assetIds[0] ?? ''), count, speed })
}

/** One row of the inbox, in the same words as its notification. */
export function describeAlarm(alarm: Alarm, nameOf: (assetId: string) => string, t: TFunction): string {
  return t(`alerts.one.${alarm.kind}`, { name: nameOf(alarm.assetId), speed: Math.round(alarm.speed ?? 0) })
}
