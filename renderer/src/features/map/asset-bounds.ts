import type { TelemetryColumns } from '../../store/telemetry-columns'
import { isDrawable } from '../../store/telemetry-columns'

/** [[south, west], [north, east]] around every drawable asset, or null when none has a position. */
export function assetBounds(cols: TelemetryColumns): [[number, number], [number, number]] | null {
  let south = Infinity
  let west = Infinity
  let north = -Infinity
  let east = -Infinity
  for (let slot = 0; slot < cols.size; slot++) {
    if (!isDrawable(cols, slot)) continue
    const lat = cols.lat[slot] ?? 0
    const lng = cols.lng[slot] ?? 0
    if (lat < south) south = lat
    if (lat > north) north = lat
    if (lng < west) west = lng
    if (lng > east) east = lng
  }
  return south === Infinity
    ? null
    : [
        [south, west],
        [north, east],
      ]
}
