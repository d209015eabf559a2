import { describe, expect, it } from 'vitest'
import type { Alarm } from '../../../../shared/domain/alarms'
import type { Device } from '../../../../shared/domain/device'
import { filterAlarms, listQuery } from './alarm-filter'

const alarm = (id: number, assetId: string, state: Alarm['state']): Alarm => ({
  id,
  kind: 'stale',
  assetId,
  raisedAt: id,
  speed: null,
  state,
  endedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  note: null,
  clearedAt: null,
})

const devices = [
  { assetId: 'a1', deviceName: 'Unidad 001 CDMX', serial: 'GT06-000001' },
  { assetId: 'a2', deviceName: 'Unidad 002 GDL', serial: 'GT06-000002' },
] as Device[]

describe('alarm filters', () => {
  it('asks main for state and kind; "not cleared" and the vehicle text are applied here', () => {
    expect(listQuery({ state: 'open', kind: 'all', vehicle: '' })).toEqual({})
    expect(listQuery({ state: 'acknowledged', kind: 'speeding', vehicle: 'x' })).toEqual({
      state: 'acknowledged',
      kind: 'speeding',
    })
    const alarms = [alarm(1, 'a1', 'new'), alarm(2, 'a2', 'cleared'), alarm(3, 'a2', 'acknowledged')]
    expect(
      filterAlarms(alarms, { state: 'open', kind: 'all', vehicle: '' }, devices).map((a) => a.id),
    ).toEqual([1, 3])
    expect(
      filterAlarms(alarms, { state: 'all', kind: 'all', vehicle: 'gdl' }, devices).map((a) => a.id),
    ).toEqual([2, 3])
    expect(
      filterAlarms(alarms, { state: 'all', kind: 'all', vehicle: '000001' }, devices).map((a) => a.id),
    ).toEqual([1])
  })
})
