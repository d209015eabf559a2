import { expect, openDesk, test } from './desk/desk-test'
import type { RunningDesk } from './desk/desk-test'

let desk: RunningDesk

test.beforeAll(async () => {
  desk = await openDesk({ visit: false })
})

test.afterAll(async () => {
  await desk?.close()
})

test('zoomed out, a worker the page policy allows clusters the fleet, and a click on a cluster zooms in', async () => {
  await desk.visit()
  await desk.login.startDemo()
  await expect.poll(() => desk.map.assetCount(), { timeout: 20_000 }).toBeGreaterThan(0)
  // Out to the widest zoom: the whole demo fleet (three cities) is a cluster or two near the middle.
  for (let i = 0; i < 20 && (await desk.map.zoomOut()); i++);
  await expect.poll(() => desk.map.clusterWorkerRunning()).toBe(true)
  await desk.pause(500)
  await desk.screenshot('test-results/clusters-overview.png')

  await desk.map.clickAt(0.5, 0.5)
  // The cluster's expansion zoom is deeper than the widest one: the − control comes back.
  await expect.poll(() => desk.map.canZoomOut()).toBe(true)
  await desk.screenshot('test-results/clusters-clicked.png')
})
