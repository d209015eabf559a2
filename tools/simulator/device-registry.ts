import type { Device } from '../../shared/domain/device'
import type { CityId } from '../../shared/geo/mexico-streets'
import type { Rng } from './random'

export type DeviceStatus = 'active' | 'inactive'

/** A device plus what the simulator needs around it; `json` is cached so 10,000-row pages are joins. */
export interface DeviceRecord {
  device: Device
  json: string
  city: CityId
  orgKey: string
  /** False once removed: vehicles stop reporting and pages skip it. */
  present: boolean
}

export interface DeviceRegistry {
  /** The org's devices in creation order, optionally filtered by status (cached until a change). */
  forOrg(orgKey: string, status?: DeviceStatus): DeviceRecord[]
  all(): DeviceRecord[]
  find(deviceIdOrAssetId: string): DeviceRecord | undefined
  /** Appends `count` devices; `index` is the device's global creation number (drives serial and city). */
  add(
    count: number,
    orgOf: (index: number) => string,
    statusOf?: (index: number) => DeviceStatus,
  ): DeviceRecord[]
  remove(deviceIdOrAssetId: string): boolean
  setStatus(deviceIdOrAssetId: string, status: DeviceStatus): boolean
}

const CITY_ORDER: CityId[] = ['cdmx', 'gdl', 'mty']
const CITY_LABEL: Record<CityId, string> = { cdmx: 'CDMX', gdl: 'GDL', mty: 'MTY' }
const CREATED_BASE_MS = Date.UTC(2024, 0, 15, 10, 0, 0)

/** City of the n-th device ever created: round-robin, so every city gets its share of vehicles. */
export function cityOfIndex(index: number): CityId {
  return CITY_ORDER[index % CITY_ORDER.length] ?? 'cdmx'
}

export function createDeviceRegistry(rng: Rng): DeviceRegistry {
  const records: DeviceRecord[] = []
  const byId = new Map<string, DeviceRecord>()
  let cache = new Map<string, DeviceRecord[]>()

  const makeRecord = (index: number, orgKey: string, status: DeviceStatus): DeviceRecord => {
    const n = index + 1
    const city = cityOfIndex(index)
    const device: Device = {
      deviceId: rng.uuid(),
      serial: `GT06-${String(n).padStart(6, '0')}`,
      deviceName: `Unidad ${String(n).padStart(3, '0')} ${CITY_LABEL[city]}`,
      assetId: rng.uuid(),
      organizationId: orgKey,
      status,
      // Spread over weeks, one a minute, so createdAt sorts like the ids were issued.
      createdAt: new Date(CREATED_BASE_MS + index * 60_000).toISOString(),
    }
    return { device, json: JSON.stringify(device), city, orgKey, present: true }
  }

  const registry: DeviceRegistry = {
    forOrg(orgKey, status) {
      const key = `${orgKey}\u0000${status ?? ''}`
      let list = cache.get(key)
      if (!list) {
        list = records.filter(
          (r) => r.present && r.orgKey === orgKey && (status === undefined || r.device.status === status),
        )
        cache.set(key, list)
      }
      return list
    },
    all: () => records.filter((r) => r.present),
    find: (id) => {
      const record = byId.get(id)
      return record?.present ? record : undefined
    },
    add(count, orgOf, statusOf = () => 'active') {
      const added: DeviceRecord[] = []
      for (let i = 0; i < count; i++) {
        const index = records.length
        const record = makeRecord(index, orgOf(index), statusOf(index))
        records.push(record)
        byId.set(record.device.deviceId, record)
        byId.set(record.device.assetId, record)
        added.push(record)
      }
      cache = new Map()
      return added
    },
    remove(id) {
      const record = registry.find(id)
      if (!record) return false
      record.present = false
      cache = new Map()
      return true
    },
    setStatus(id, status) {
      const record = registry.find(id)
      if (!record) return false
      record.device = { ...record.device, status }
      record.json = JSON.stringify(record.device)
      cache = new Map()
      return true
    },
  }
  return registry
}
