import type { Alarm } from '../../shared/domain/alarms'
import type { TelemetryEvent } from '../../core/telemetry/telemetry-event'

/** A timed fix as the parser hands it over: a vehicle at 19.4, -99.1 doing 40 km/h east, unless told. */
export function fakeFix(
  assetId: string,
  fixTime: number,
  overrides: Partial<TelemetryEvent> = {},
): TelemetryEvent {
  return {
    assetId,
    lat: 19.4,
    lng: -99.1,
    speed: 40,
    heading: 90,
    altitude: null,
    fixTime,
    receivedAt: fixTime,
    timeMissing: false,
    futureFix: false,
    extra: {},
    ...overrides,
  }
}

/** A new alarm nobody has acknowledged, its condition still lasting, unless told. */
export function fakeAlarm(
  id: number,
  kind: Alarm['kind'],
  assetId: string,
  overrides: Partial<Alarm> = {},
): Alarm {
  return {
    id,
    kind,
    assetId,
    raisedAt: id,
    speed: kind === 'speeding' ? 130 : null,
    state: 'new',
    endedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    note: null,
    clearedAt: null,
    ...overrides,
  }
}
