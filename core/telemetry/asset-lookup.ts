import type { Device } from '../../shared/domain/device'

/** A row that names one device three ways: a webhook scope's item or the device list's. */
export interface AssetKeys {
  serial: string
  deviceId: string
  assetId: string
}

/**
 * Which assets the organization has, and the tables that turn a serial or a deviceId into an assetId
 * (telemetry that carries no assetId). The device list wins over the webhooks' scopes where both
 * know a key. Shared by a desk's listener and the relay: both parse Tagora's bodies the same way.
 */
export class AssetLookup {
  private known = new Set<string>()
  private byDevice = new Map<string, string>()
  private byScope = new Map<string, string>()

  /** The device list: known assets, and the serial/deviceId keys of each. Returns the known set. */
  useDevices(devices: readonly Device[]): ReadonlySet<string> {
    this.known = new Set(devices.map((device) => device.assetId))
    this.byDevice = tableOf(devices)
    return this.known
  }

  /** Every serial/deviceId → assetId pair the webhooks' scopes carry. */
  useScopeItems(items: readonly AssetKeys[]): void {
    this.byScope = tableOf(items)
  }

  /** Until a device list arrives every assetId is accepted; after, only the organization's. */
  isKnown(assetId: string): boolean {
    return this.known.size === 0 || this.known.has(assetId)
  }

  resolve(key: { serial?: string; deviceId?: string }): string | undefined {
    const keys = [
      ...(key.serial !== undefined ? [`serial:${key.serial}`] : []),
      ...(key.deviceId !== undefined ? [`device:${key.deviceId}`] : []),
    ]
    for (const table of [this.byDevice, this.byScope]) {
      for (const k of keys) {
        const assetId = table.get(k)
        if (assetId) return assetId
      }
    }
    return undefined
  }

  /** Forgets everything (a new session may belong to another organization). */
  clear(): void {
    this.known = new Set()
    this.byDevice = new Map()
    this.byScope = new Map()
  }
}

function tableOf(rows: readonly AssetKeys[]): Map<string, string> {
  const table = new Map<string, string>()
  for (const row of rows) {
    table.set(`serial:${row.serial}`, row.assetId)
    table.set(`device:${row.deviceId}`, row.assetId)
  }
  return table
}
