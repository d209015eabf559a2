import type { StartDemoServer } from '../../core/ports/demo-server'
import { startSimulator } from './simulator'

/** Vehicles in the demo: enough to look like a real desk's fleet across the three cities. */
const DEMO_VEHICLES = 90
/**
 * The same fleet every run (ids, names, organization): the demo's history then outlives a restart,
 * as a real organization's does, and the map is full at once when the demo starts again.
 */
const DEMO_SEED = 20_251_125

/**
 * "Try the demo": the simulator in-process. Only here may webhooks deliver to a loopback address
 * (the local listener), exactly as the contract page allows.
 */
export const startDemoServer: StartDemoServer = () =>
  startSimulator({ vehicles: DEMO_VEHICLES, allowLoopbackWebhooks: true, tickMs: 1000, seed: DEMO_SEED })
