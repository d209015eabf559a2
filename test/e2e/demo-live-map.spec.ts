import { expect, openDesk, test } from './desk/desk-test'
import type { RunningDesk } from './desk/desk-test'

let desk: RunningDesk

test.beforeAll(async () => {
  desk = await openDesk({ visit: false })
})

test.afterAll(async () => {
  await desk?.close()
})

test('a new user tries the demo and watches vehicles move on the live map', async () => {
  await desk.visit()
  await expect(desk.header.session).toHaveState('signed-out')
  await expect(desk.header.listener).toHaveState('listening')

  await desk.login.startDemo()
  await expect(desk.header.session).toHaveState('signed-in')

  // Devices listed: the simulator's whole fleet.
  await expect(desk.devices.count).toHaveAttribute('data-total', /^[1-9]\d*$/)
  const total = await desk.devices.total()
  expect(total).toBeGreaterThanOrEqual(60)

  // Every vehicle with a position is drawn, on one canvas layer rather than a DOM node per vehicle.
  await expect.poll(() => desk.map.assetCount(), { timeout: 20_000 }).toBeGreaterThanOrEqual(total * 0.9)
  // The only DOM markers are the offline basemap's place and street labels, never vehicles.
  expect(await desk.map.vehicleMarkers.count()).toBe(0)
  expect(await desk.map.assetCanvases.count()).toBe(1)

  // Pick a vehicle that reports live and watch its position change.
  const liveRow = desk.devices.liveRow(0)
  await expect(liveRow.root).toBeVisible()
  const assetId = await liveRow.assetId()
  await liveRow.select()
  const detail = desk.asset
  await expect(detail.root).toHaveAttribute('data-asset-id', assetId)
  await expect(detail.root).toHaveAttribute('data-lat', /\d/)
  const first = await detail.position()
  const firstFix = await detail.fixTime()
  await expect.poll(() => detail.position(), { timeout: 15_000 }).not.toEqual(first)
  const laterFix = await detail.fixTime()
  expect(Date.parse(laterFix ?? '')).toBeGreaterThan(Date.parse(firstFix ?? ''))

  // Let a few batches land so the trail shows, then keep the picture for the README.
  await desk.pause(2500)
  await desk.screenshot('docs/screenshots/live-map.png')
})

test('search narrows the device list, and sign-out returns to the login screen', async () => {
  const total = await desk.devices.total()
  const serial = await desk.devices.row(0).serial()
  await desk.devices.searchFor(serial)
  await expect(desk.devices.rows).toHaveCount(1)
  await expect(desk.devices.count).toHaveAttribute('data-total', String(total))
  await desk.devices.clearSearch()

  // A night desk in the dark theme signs out: what it types next must be readable.
  await desk.map.useTheme('dark')
  await desk.header.signOut()
  await expect(desk.header.session).toHaveState('signed-out')
  await expect(desk.login.email).toBeVisible()
  expect(await desk.login.emailContrast()).toBeGreaterThanOrEqual(4.5)
})
