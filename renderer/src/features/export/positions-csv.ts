import type { Device } from '../../../../shared/domain/device'
import { assetStatus } from '../../store/selectors'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import { csvCell as cell, csvNumber as number, csvText, csvTime } from './csv-cells'

export { exportFileName } from './csv-cells'

const HEADER = [
  'name',
  'serial',
  'assetId',
  'status',
  'lat',
  'lng',
  'speed_kmh',
  'heading_deg',
  'fix_time_utc',
]

/** Current positions of the given devices (the filtered list, in its order) as CSV text. */
export function positionsCsv(
  devices: readonly Device[],
  rows: readonly number[],
  cols: TelemetryColumns,
): string {
  const lines = [HEADER.join(',')]
  for (const index of rows) {
    const device = devices[index]
    if (!device) continue
    const slot = cols.slotByAssetId.get(device.assetId)
    const fixTime = slot === undefined ? Number.NaN : (cols.fixTime[slot] ?? Number.NaN)
    lines.push(
      [
        cell(device.deviceName),
        cell(device.serial),
        cell(device.assetId),
        assetStatus(cols, device.assetId),
        number(slot === undefined ? undefined : cols.lat[slot], 6),
        number(slot === undefined ? undefined : cols.lng[slot], 6),
        number(slot === undefined ? undefined : cols.speed[slot], 1),
        number(slot === undefined ? undefined : cols.heading[slot], 0),
        csvTime(fixTime),
      ].join(','),
    )
  }
  return csvText(lines)
}
