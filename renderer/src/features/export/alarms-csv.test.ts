import { describe, expect, it } from 'vitest'
import type { Alarm } from '../../../../shared/domain/alarms'
import type { Device } from '../../../../shared/domain/device'
import { alarmsCsv } from './alarms-csv'

const device: Device = {
  deviceId: 'd1',
  serial: 'GT06-000004',
  deviceName: 'Grúa, "norte"',
  assetId: 'a1',
  organizationId: 'org',
  status: 'active',
  createdAt: '2024-01-15T10:00:00.000Z',
}

describe('alarmsCsv', () => {
  it('writes every state change with who and when; quotes text and defuses formulas', () => {
    const alarm: Alarm = {
      id: 7,
      kind: 'speeding',
      assetId: 'a1',
      raisedAt: Date.UTC(2026, 10, 25, 9, 30),
      speed: 131.26,
      state: 'cleared',
      endedAt: Date.UTC(2026, 10, 25, 9, 32),
      acknowledgedAt: Date.UTC(2026, 10, 25, 9, 31),
      acknowledgedBy: 'desk@example.com',
      note: '=HYPERLINK("x")',
      clearedAt: Date.UTC(2026, 10, 25, 9, 32),
    }
    const lines = alarmsCsv([alarm], [device]).trim().split('\r\n')
    expect(lines[0]).toBe(
      'id,raised_at_utc,kind,state,name,serial,assetId,speed_kmh,ended_at_utc,acknowledged_at_utc,acknowledged_by,note,cleared_at_utc',
    )
    expect(lines[1]).toBe(
      '7,2026-11-25T09:30:00.000Z,speeding,cleared,"Grúa, ""norte""",GT06-000004,a1,131.3,2026-11-25T09:32:00.000Z,2026-11-25T09:31:00.000Z,desk@example.com,"\'=HYPERLINK(""x"")",2026-11-25T09:32:00.000Z',
    )
  })
})
