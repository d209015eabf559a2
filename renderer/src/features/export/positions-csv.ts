import type { Device } from '../../../../shared/domain/device'
import { assetStatus } from '../../store/selectors'
import type { TelemetryColumns } from '../../store/telemetry-columns'

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

/** RFC 4180 quoting, and a leading ' on text that a spreadsheet would run as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function number(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '' : value.toFixed(digits)
}

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
        Number.isFinite(fixTime) ? new Date(fixTime).toISOString() : '',
      ].join(','),
    )
  }
  // CRLF as RFC 4180 says; Excel opens it either way.
  return lines.join('\r\n') + '\r\n'
}

/** "fleet-positions-2026-11-25-0930.csv": sortable, and never overwriting the previous export of the day. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `fleet-positions-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.csv`
}
