import { demoSimulatorOf } from '../../support/demo-simulator'
import type { SimulatorControls } from '../../support/demo-simulator'
import { expect } from './matchers'
import { openDesk } from './open-desk'
import type { RunningDesk } from './open-desk'

/**
 * A demo desk signed in with its fleet listed, and the control routes of the simulator inside it
 * (pause the fleet, stop a vehicle): how a spec that shares one desk for its whole file begins.
 */
export async function openDemoDesk(): Promise<{ desk: RunningDesk; demoSim: SimulatorControls }> {
  const desk = await openDesk({ args: ['--demo'] })
  await expect(desk.header.session).toHaveState('signed-in', { timeout: 30_000 })
  await expect(desk.devices.liveRows.first()).toBeVisible()
  return { desk, demoSim: await demoSimulatorOf(desk.host) }
}
