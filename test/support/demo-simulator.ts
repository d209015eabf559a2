import { ContractClient } from './contract-client'
import type { WebHostProcess } from './web-host-process'

/**
 * The simulator's control routes (/__sim/*, tools/simulator/sim-routes.ts), for a test that steers
 * a simulator it did not start: the demo's, which runs inside the browser host.
 */
export class SimulatorControls {
  constructor(readonly origin: string) {}

  /** Freezes the whole fleet: no vehicle moves and nothing is delivered until resume(). */
  async pause(): Promise<void> {
    await this.post('/__sim/pause')
  }

  async resume(): Promise<void> {
    await this.post('/__sim/resume')
  }

  /** One vehicle stops reporting; resolves with the HTTP status (404: no moving vehicle of that id). */
  stopVehicle(assetId: string): Promise<number> {
    return this.post(`/__sim/vehicles/${assetId}/stop`)
  }

  resumeVehicle(assetId: string): Promise<number> {
    return this.post(`/__sim/vehicles/${assetId}/resume`)
  }

  private async post(path: string): Promise<number> {
    const response = await fetch(`${this.origin}${path}`, { method: 'POST' })
    return response.status
  }
}

/**
 * The demo's simulator, found through the host's API as the page finds it: in demo mode the
 * session's API URL is the simulator's (core/app/fleet-app.ts signs in to `apiBaseUrl`).
 */
export async function demoSimulatorOf(host: WebHostProcess): Promise<SimulatorControls> {
  const client = await ContractClient.open(host.origin, host.secret)
  try {
    const { session } = await client.request('app:get-snapshot')
    if (!session.demo) throw new Error(`the desk is not in demo mode (signed in to ${session.apiUrl})`)
    return new SimulatorControls(new URL(session.apiUrl).origin)
  } finally {
    client.close()
  }
}
