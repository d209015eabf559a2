import type { Device, DeviceSkip } from '../../shared/domain/device'

/** One page of GET /devices as read: the usable devices and the rows left out, by index in the page. */
export interface DeviceRows {
  devices: Device[]
  skipped: DeviceSkip[]
}

/**
 * Reads the rows of one devices page, one at a time, so a single bad row costs that row and not the
 * sync. The document shows every field filled in but promises none of them; what each is needed for
 * decides what its absence costs:
 *
 * - assetId: required. It keys telemetry, the map and the scopes; a row without one cannot show anything.
 *   Missing, null or blank → skipped ('missing'); any other type than text or number → skipped ('wrong-type').
 * - deviceId: the row's identity between pages and syncs, and a telemetry lookup. Missing or unusable →
 *   the assetId stands in (then a delivery keyed by deviceId simply finds nothing under it).
 * - serial: a telemetry lookup and a display column. Missing or unusable → '' (nothing is looked up by it).
 * - deviceName: display only. Missing, null or blank → the serial, else the assetId, so no row is nameless.
 * - organizationId: only a fallback for POST /webhook's organizationId (the token's claim comes first;
 *   the webhook service skips empty ones). Missing → ''.
 * - status, createdAt: display only. Missing → ''.
 *
 * Ids are trimmed like the telemetry parser trims them, so both sides meet on the same key; numbers
 * become their text (the document mixes uuids and numbers).
 */
export function readDeviceRows(rows: readonly unknown[]): DeviceRows {
  const devices: Device[] = []
  const skipped: DeviceSkip[] = []
  rows.forEach((row, position) => {
    const read = readDeviceRow(row)
    if ('device' in read) devices.push(read.device)
    else skipped.push({ position, ...read.skip })
  })
  return { devices, skipped }
}

type RowResult = { device: Device } | { skip: Omit<DeviceSkip, 'position'> }

function readDeviceRow(row: unknown): RowResult {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return { skip: { problem: 'not-an-object' } }
  }
  const fields = row as Record<string, unknown>
  const assetId = idOf(fields.assetId)
  if (assetId === undefined) {
    return { skip: { field: 'assetId', problem: isAbsent(fields.assetId) ? 'missing' : 'wrong-type' } }
  }
  const serial = idOf(fields.serial) ?? ''
  return {
    device: {
      deviceId: idOf(fields.deviceId) ?? assetId,
      serial,
      deviceName: textOf(fields.deviceName).trim() || serial || assetId,
      assetId,
      organizationId: idOf(fields.organizationId) ?? '',
      status: textOf(fields.status),
      createdAt: textOf(fields.createdAt),
    },
  }
}

/** Text or a finite number, trimmed; undefined when blank or of another type. */
function idOf(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? finite(value) : ''
  return text === '' ? undefined : text
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  return typeof value === 'number' ? finite(value) : ''
}

function finite(value: number): string {
  return Number.isFinite(value) ? String(value) : ''
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}
