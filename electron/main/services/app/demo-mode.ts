import { startSimulator } from '../../simulator/simulator'
import type { Simulator } from '../../simulator/simulator'
import type { Logger } from '../logging/logger'
import { UserFacingError } from './dispatch-call'

/** Vehicles in the demo: enough to look like a real desk's fleet across the three cities. */
const DEMO_VEHICLES = 90

/**
 * The bundled Tagora simulator, started in-process for "Try the demo". Only here may webhooks deliver
 * to a loopback address (the local listener), exactly as the contract page allows.
 */
export class DemoMode {
  private simulator: Simulator | null = null

  constructor(private readonly logger: Logger) {}

  async start(): Promise<Simulator> {
    if (this.simulator) return this.simulator
    try {
      this.simulator = await startSimulator({
        vehicles: DEMO_VEHICLES,
        allowLoopbackWebhooks: true,
        tickMs: 1000,
      })
    } catch (error) {
      this.logger.error('the demo simulator did not start', { error })
      throw new UserFacingError('demo-failed', `The demo could not start: ${(error as Error).message}`)
    }
    this.logger.info('demo simulator started', { url: this.simulator.apiBaseUrl })
    return this.simulator
  }

  get running(): Simulator | null {
    return this.simulator
  }

  async stop(): Promise<void> {
    const simulator = this.simulator
    this.simulator = null
    await simulator?.close()
  }
}
