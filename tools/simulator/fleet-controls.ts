import type { Device } from '../../shared/domain/device'
import type { DeviceRegistry } from './device-registry'
import type { Directory } from './directory'
import type { FaultController } from './faults'
import type { Fleet } from './fleet'
import type { ResolvedOptions } from './options'
import { pumpOnce } from './telemetry-pump'
import { createTicker } from './ticker'
import type { TokenService } from './tokens'
import type { FleetControls } from './types'
import type { Deliverer } from './webhook-delivery'
import type { WebhookRegistry } from './webhooks'
import { toPublicWebhook } from './webhooks'

export interface FleetControlDeps {
  o: ResolvedOptions
  directory: Directory
  devices: DeviceRegistry
  fleet: Fleet
  faults: FaultController
  tokens: TokenService
  webhooks: WebhookRegistry
  deliverer: Deliverer
}

/** The `sim.fleet` surface plus the ticker that drives deliveries; `stop()` ends the ticking. */
export function createFleetControls(deps: FleetControlDeps): { fleet: FleetControls; stop(): void } {
  const { o, devices, fleet, webhooks } = deps
  let paused = false
  let deliveredEvents = 0
  let failedDeliveries = 0

  const ticker = createTicker(
    async () => {
      const result = await pumpOnce({ ...deps, tickMs: o.tickMs, now: o.now, isPaused: () => paused })
      deliveredEvents += result.delivered
      failedDeliveries += result.failedPosts
      return result
    },
    o.tickMs,
    o.autoTick,
  )

  const toDevice = (d: { device: Device }): Device => ({ ...d.device })

  const controls: FleetControls = {
    stopVehicle: (assetId) => fleet.setStopped(assetId, true),
    resumeVehicle: (assetId) => fleet.setStopped(assetId, false),
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    devices: () => devices.all().map(toDevice),
    webhooks: () => webhooks.list().map(toPublicWebhook),
    setWebhookScope(webhookId, assetIds) {
      const hook = webhooks.get(webhookId)
      if (!hook) return false
      hook.scope = assetIds === null ? null : new Set(assetIds)
      return true
    },
    setWebhookActive(webhookId, active) {
      const hook = webhooks.get(webhookId)
      if (!hook) return false
      hook.isActive = active
      return true
    },
    revokeRenewTokens: (email) => deps.tokens.revokeFamilies(email),
    addDevices(count, organizationId) {
      const orgKey = organizationId ?? deps.directory.orgKeys[0] ?? ''
      return devices.add(count, () => orgKey).map(toDevice)
    },
    removeDevice: (deviceId) => devices.remove(deviceId),
    setDeviceStatus: (deviceId, status) => devices.setStatus(deviceId, status),
    tick: () => ticker.tick(),
    get deliveredEvents() {
      return deliveredEvents
    },
    get failedDeliveries() {
      return failedDeliveries
    },
    get skippedTicks() {
      return ticker.skipped
    },
  }
  return { fleet: controls, stop: () => ticker.stop() }
}
