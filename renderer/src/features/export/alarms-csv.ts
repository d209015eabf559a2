import type { Alarm } from '../../../../shared/domain/alarms'
import type { Device } from '../../../../shared/domain/device'
import { csvCell, csvNumber, csvText, csvTime } from './csv-cells'

const HEADER = [
  'id',
  'raised_at_utc',
  'kind',
  'state',
  'name',
  'serial',
  'assetId',
  'speed_kmh',
  'ended_at_utc',
  'acknowledged_at_utc',
  'acknowledged_by',
  'note',
  'cleared_at_utc',
]

/** The inbox as it is filtered, newest first, as CSV: every state change with who and when. */
export function alarmsCsv(alarms: readonly Alarm[], devices: readonly Device[]): string {
  const byId = new Map(devices.map((d) => [d.assetId, d]))
  const lines = [HEADER.join(',')]
  for (const alarm of alarms) {
    const device = byId.get(alarm.assetId)
    lines.push(
      [
        String(alarm.id),
        csvTime(alarm.raisedAt),
        alarm.kind,
        alarm.state,
        csvCell(device?.deviceName ?? ''),
        csvCell(device?.serial ?? ''),
        csvCell(alarm.assetId),
        csvNumber(alarm.speed, 1),
        csvTime(alarm.endedAt),
        csvTime(alarm.acknowledgedAt),
        csvCell(alarm.acknowledgedBy ?? ''),
        csvCell(alarm.note ?? ''),
        csvTime(alarm.clearedAt),
      ].join(','),
    )
  }
  return csvText(lines)
}
