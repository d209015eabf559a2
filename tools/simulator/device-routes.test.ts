import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Device } from '../../shared/domain/device'
import { startSimulator } from './simulator'
import { call, errorCode, login } from '../../test/support/simulator-kit'
import type { Envelope } from '../../test/support/simulator-kit'
import type { Simulator } from './types'

const USERS = [
  { email: 'ana@norte.test', password: 'pw-ana', organizationId: 'org-norte', userId: 'u-ana' },
  { email: 'beto@sur.test', password: 'pw-beto', organizationId: 'org-sur', userId: 'u-beto' },
]

async function page(sim: Simulator, token: string, query: string): Promise<Device[]> {
  const res = await call(sim, 'GET', `/devices${query}`, { token })
  if (res.status !== 200) throw new Error(`GET /devices${query} → ${res.status}`)
  return (res.body as Envelope<Device[]>).data
}

describe('GET /devices', () => {
  let sim: Simulator
  let ana: string
  let beto: string
  beforeAll(async () => {
    sim = await startSimulator({ vehicles: 12, devices: 1_000, users: USERS, autoTick: false, seed: 3 })
    ana = (await login(sim, USERS[0]?.email, USERS[0]?.password)).accessToken
    beto = (await login(sim, USERS[1]?.email, USERS[1]?.password)).accessToken
  })
  afterAll(() => sim.close())

  it('returns devices of exactly the documented shape, 100 by default', async () => {
    const devices = await page(sim, ana, '')
    expect(devices).toHaveLength(100)
    const [d] = devices
    expect(Object.keys(d ?? {}).sort()).toEqual(
      ['assetId', 'createdAt', 'deviceId', 'deviceName', 'organizationId', 'serial', 'status'].sort(),
    )
    expect(d?.serial).toMatch(/^GT06-\d{6}$/)
    expect(d?.deviceName).toMatch(/^Unidad \d{3,} (CDMX|GDL|MTY)$/)
    expect(new Date(d?.createdAt ?? '').toISOString()).toBe(d?.createdAt)
  })

  it('rejects limit > 10000 and bad numbers with 400', async () => {
    for (const q of ['?limit=10001', '?limit=0', '?limit=abc', '?offset=-1', '?status=lost']) {
      const res = await call(sim, 'GET', `/devices${q}`, { token: ana })
      expect(res.status, q).toBe(400)
      expect(errorCode(res)).toBe('invalid_request')
    }
    expect((await call(sim, 'GET', '/devices?limit=10000', { token: ana })).status).toBe(200)
  })

  it('paginates over every device of the org exactly once', async () => {
    const seen: string[] = []
    for (let offset = 0; ; offset += 70) {
      const rows = await page(sim, ana, `?limit=70&offset=${offset}`)
      seen.push(...rows.map((d) => d.deviceId))
      if (rows.length < 70) break
    }
    const expected = sim.fleet.devices().filter((d) => d.organizationId === 'org-norte')
    expect(seen).toHaveLength(expected.length)
    expect(new Set(seen).size).toBe(expected.length)
    expect(new Set(seen)).toEqual(new Set(expected.map((d) => d.deviceId)))
  })

  it('filters by status', async () => {
    const all = await page(sim, ana, '?limit=10000')
    const active = await page(sim, ana, '?limit=10000&status=active')
    const inactive = await page(sim, ana, '?limit=10000&status=inactive')
    expect(inactive.length).toBeGreaterThan(0)
    expect(active.every((d) => d.status === 'active')).toBe(true)
    expect(inactive.every((d) => d.status === 'inactive')).toBe(true)
    expect(active.length + inactive.length).toBe(all.length)
  })

  it('scopes devices to the caller organization', async () => {
    const a = await page(sim, ana, '?limit=10000')
    const b = await page(sim, beto, '?limit=10000')
    expect(a.every((d) => d.organizationId === 'org-norte')).toBe(true)
    expect(b.every((d) => d.organizationId === 'org-sur')).toBe(true)
    expect(a.length + b.length).toBe(1_000)
  })

  it('follows live changes to the device list', async () => {
    const before = (await page(sim, beto, '?limit=10000')).length
    const [added] = sim.fleet.addDevices(1, 'org-sur')
    expect((await page(sim, beto, '?limit=10000')).length).toBe(before + 1)
    sim.fleet.removeDevice(added?.deviceId ?? '')
    expect((await page(sim, beto, '?limit=10000')).length).toBe(before)
  })

  it('serves a malformed page at the configured offset', async () => {
    sim.faults.setDevicesMalformedAt(100)
    const bad = await call(sim, 'GET', '/devices?offset=100', { token: ana })
    expect(bad.status).toBe(200)
    const rows = (bad.body as Envelope<Record<string, unknown>[]>).data
    expect(rows[0]?.assetId).toBeUndefined()
    expect((await call(sim, 'GET', '/devices?offset=0', { token: ana })).status).toBe(200)
    sim.faults.setDevicesMalformedAt(100, 'invalid-json')
    const broken = await call(sim, 'GET', '/devices?offset=100', { token: ana })
    expect(typeof broken.body).toBe('string')
    sim.faults.setDevicesMalformedAt(null)
  })
})

describe('GET /devices at scale', () => {
  it('syncs 100,000 devices in 10 pages quickly', async () => {
    const started = performance.now()
    const sim = await startSimulator({ vehicles: 60, devices: 100_000, autoTick: false, seed: 9 })
    try {
      const { accessToken } = await login(sim)
      const ids = new Set<string>()
      for (let offset = 0; offset < 100_000; offset += 10_000) {
        for (const d of await page(sim, accessToken, `?limit=10000&offset=${offset}`)) ids.add(d.assetId)
      }
      expect(ids.size).toBe(100_000)
      expect(await page(sim, accessToken, '?limit=10&offset=100000')).toEqual([])
      expect(performance.now() - started).toBeLessThan(8_000)
    } finally {
      await sim.close()
    }
  })
})
