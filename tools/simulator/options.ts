import { randomInt } from 'node:crypto'
import type { DeliveryNetwork, SignatureEncoding, SimUserInput, SimulatorOptions } from './types'

export interface ResolvedOptions {
  port: number
  host: string
  vehicles: number
  devices: number
  tickMs: number
  autoTick: boolean
  accessTokenTtlSec: number
  renewTokenTtlSec: number
  allowLoopbackWebhooks: boolean
  maxEventsPerPost: number
  seed: number
  users: SimUserInput[] | undefined
  signatureEncoding: SignatureEncoding
  signaturePrefix: boolean
  deliveryTimeoutMs: number
  network: DeliveryNetwork
  now: () => number
}

const nonNegativeInt = (name: string, value: number): number => {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`)
  return value
}

/** Fills defaults and rejects nonsense early, with the option's name in the message. */
export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const vehicles = nonNegativeInt('vehicles', options.vehicles ?? 60)
  const devices = nonNegativeInt('devices', options.devices ?? vehicles)
  if (devices < vehicles) throw new RangeError('devices must be >= vehicles')
  const tickMs = options.tickMs ?? 1000
  if (!(tickMs >= 10)) throw new RangeError('tickMs must be at least 10')
  const maxEventsPerPost = options.maxEventsPerPost ?? 500
  if (!(maxEventsPerPost >= 1)) throw new RangeError('maxEventsPerPost must be at least 1')
  return {
    port: nonNegativeInt('port', options.port ?? 0),
    host: options.host ?? '127.0.0.1',
    vehicles,
    devices,
    tickMs,
    autoTick: options.autoTick ?? true,
    accessTokenTtlSec: options.accessTokenTtlSec ?? 3600,
    renewTokenTtlSec: options.renewTokenTtlSec ?? 30 * 24 * 3600,
    allowLoopbackWebhooks: options.allowLoopbackWebhooks ?? false,
    maxEventsPerPost,
    seed: options.seed ?? randomInt(2 ** 31),
    users: options.users,
    signatureEncoding: options.signatureEncoding ?? 'base64',
    signaturePrefix: options.signaturePrefix ?? false,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 5000,
    network: options.network ?? {},
    now: options.now ?? Date.now,
  }
}
