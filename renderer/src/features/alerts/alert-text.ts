import type { TFunction } from 'i18next'
import type { AlertEntry } from '../../store/alert-types'

/** "Unidad 004 CDMX went offline" for one vehicle, "12 vehicles went offline" for a burst. */
export function describeAlert(entry: AlertEntry, nameOf: (assetId: string) => string, t: TFunction): string {
  const count = entry.assetIds.length
  const speed = Math.round(entry.speed ?? 0)
  if (count === 1) return t(`alerts.one.${entry.kind}`, { name: nameOf(entry.assetIds[0] ?? ''), speed })
  return t(`alerts.many.${entry.kind}`, { count, speed })
}
