import { parseArgs } from 'node:util'
import type { SimulatorOptions } from './types'

function intFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} expects a non-negative integer, got "${raw}"`)
  return Number(raw)
}

/** Parses CLI flags into simulator options; throws with the offending flag named. */
export function parseSimulatorArgs(argv: string[]): SimulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      vehicles: { type: 'string' },
      devices: { type: 'string' },
      'tick-ms': { type: 'string' },
      seed: { type: 'string' },
      'allow-loopback-webhooks': { type: 'boolean' },
    },
    strict: true,
  })
  const options: SimulatorOptions = {
    port: intFlag('port', values.port) ?? 0,
    host: values.host,
    vehicles: intFlag('vehicles', values.vehicles),
    devices: intFlag('devices', values.devices),
    tickMs: intFlag('tick-ms', values['tick-ms']),
    seed: intFlag('seed', values.seed),
    allowLoopbackWebhooks: values['allow-loopback-webhooks'] ?? false,
  }
  // Drop unset keys so the simulator's defaults apply.
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
}
