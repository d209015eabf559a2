import { readFile } from 'node:fs/promises'
import type { SimulatorControls } from '../support/demo-simulator'
import { expect, test } from './desk/desk-test'
import type { RunningDesk } from './desk/desk-test'
import { openDemoDesk } from './desk/demo-desk'

// One demo session for the whole file: the dispatcher's screen, driven as a dispatcher would.
let desk: RunningDesk
/** The demo's simulator runs inside the host; its control routes can pause the fleet or stop a vehicle. */
let demoSim: SimulatorControls

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  ;({ desk, demoSim } = await openDemoDesk())
})

test.afterAll(async () => {
  await desk?.close()
})

test('status chips count the fleet and filter the list', async () => {
  const { devices } = desk
  const total = await devices.total()
  expect(await devices.countOf('all')).toBe(total)
  const live = await devices.countOf('live')
  expect(live).toBeGreaterThan(0)
  expect(
    live +
      (await devices.countOf('stale')) +
      (await devices.countOf('offline')) +
      (await devices.countOf('no-fix')),
  ).toBe(total)

  await devices.filterBy('live')
  await expect(devices.rows.first()).toHaveAttribute('data-status', 'live')
  await expect(devices.count).toHaveAttribute('data-shown', String(await devices.countOf('live')))
  await devices.filterBy('offline')
  if ((await devices.countOf('offline')) === 0) await expect(devices.rows).toHaveCount(0)
  await devices.filterBy('all')
  await expect(devices.count).toHaveAttribute('data-shown', String(total))
})

test('search finds a vehicle by name, serial or asset id', async () => {
  const { devices } = desk
  const row = devices.row(3)
  const assetId = await row.assetId()
  const serial = await row.serial()
  for (const text of [serial, assetId.slice(0, 13)]) {
    await devices.searchFor(text)
    await expect(devices.rows).toHaveCount(1)
    await expect(devices.rows).toHaveAttribute('data-asset-id', assetId)
  }
  // The demo fleet is spread evenly over three cities; names carry the city.
  const total = await devices.total()
  await devices.searchFor('cdmx')
  await expect(devices.count).toHaveAttribute('data-shown', String(total / 3))
  await devices.searchFor('zzz-no-such-vehicle')
  await expect(devices.rows).toHaveCount(0)
  await devices.clearSearch()
})

test('sorting by speed puts the fastest vehicle first', async () => {
  // Freeze the fleet so speeds hold still while the order is read.
  await demoSim.pause()
  try {
    await desk.devices.sortBy('speed')
    await desk.pause(1500)
    const speeds = await Promise.all((await desk.devices.allRows()).map((row) => row.speed()))
    expect(speeds.length).toBeGreaterThanOrEqual(12)
    expect(speeds).toEqual([...speeds].sort((a, b) => b - a))
    await desk.devices.sortBy('name')
  } finally {
    await demoSim.resume()
  }
})

test('selecting a row selects the vehicle on the map, follow keeps it centred, Escape deselects', async () => {
  const { map } = desk
  const row = desk.devices.liveRow(0)
  const assetId = await row.assetId()
  await row.select()
  await expect(map.root).toHaveAttribute('data-selected-asset-id', assetId)
  await expect(desk.asset.root).toHaveAttribute('data-asset-id', assetId)
  await expect(row.root).toHaveAttribute('aria-selected', 'true')

  await desk.asset.follow()
  await expect(map.root).toHaveAttribute('data-following', 'true')
  await expect(map.followButton).toHaveAttribute('aria-pressed', 'true')
  // Dragging the map means looking elsewhere: following stops.
  await map.drag(120, 60)
  await expect(map.root).toHaveAttribute('data-following', 'false')

  await desk.pressEscape()
  await expect(desk.asset.root).toHaveCount(0)
  await expect(map.root).toHaveAttribute('data-selected-asset-id', '')
})

test('the pointer readout names the ground under the pointer, even when the map moves beneath it', async () => {
  const { map } = desk
  await map.pointAt(0.2, 0.8)
  await expect(map.cursorReadout).toHaveText(/^-?\d+\.\d{5}, -?\d+\.\d{5}$/)
  // Let an earlier drag's inertia settle (Leaflet ignores arrow keys while a pan animates), so only
  // the keyboard moves the map from here on.
  let settled = await map.cursorLongitude()
  for (;;) {
    await desk.pause(300)
    const now = await map.cursorLongitude()
    if (now === settled) break
    settled = now
  }
  // The keyboard pans the map east while the pointer stays still: the old readout would now be a lie.
  await map.panEastWithKeyboard(2)
  await expect.poll(() => map.cursorLongitude()).toBeGreaterThan(settled + 0.001)
  await map.pointOutside()
  await expect(map.cursorReadout).toHaveCount(0)
})

test('the language switch turns the whole screen Spanish and back', async () => {
  await desk.header.switchLanguage('es-MX')
  await expect(desk.devices.statusChip('all')).toContainText('Todos')
  await expect(desk.map.fitAllButton).toHaveText('Ver todos')
  await expect(desk.document).toHaveAttribute('lang', 'es-MX')
  await desk.header.switchLanguage('en')
  await expect(desk.devices.statusChip('all')).toContainText('All')
})

test('a vehicle that stops reporting raises a stale alert and a notification; clicking it selects it', async () => {
  await desk.page.evaluate(() => {
    const shown: string[] = []
    class RecordingNotification {
      static permission = 'granted'
      onclick: (() => void) | null = null
      constructor(title: string, options: { body?: string }) {
        shown.push(`${title}: ${options.body ?? ''}`)
      }
      close(): void {}
    }
    Object.assign(globalThis, { Notification: RecordingNotification, shownNotifications: shown })
  })

  const { alerts } = desk
  await alerts.toggle()
  await alerts.setStaleAfter(5)
  await alerts.toggle()

  const row = desk.devices.liveRow(4)
  const assetId = await row.assetId()
  expect(await demoSim.stopVehicle(assetId)).toBe(200)

  await expect(alerts.bell).not.toHaveAttribute('data-unread', '0', { timeout: 30_000 })
  await alerts.toggle()
  const entry = alerts.entry('stale', assetId)
  await expect(entry).toBeVisible()
  // The inbox shows the alarm at once; its notification follows when the 3 s burst window closes.
  const notifications = () =>
    desk.page.evaluate(() => (globalThis as unknown as { shownNotifications: string[] }).shownNotifications)
  await expect.poll(async () => (await notifications()).some((n) => n.startsWith('Stale:'))).toBe(true)
  // The rest of the fleet keeps reporting: the vehicle stopped, not the feed, and the words say so.
  const stale = (await notifications()).filter((n) => n.startsWith('Stale:'))
  expect(stale.every((n) => n.endsWith('stopped reporting (stale)'))).toBe(true)

  await alerts.selectVehicleOf(entry)
  await expect(desk.asset.root).toHaveAttribute('data-asset-id', assetId)
  await expect(desk.asset.root).toHaveAttribute('data-status', 'stale')
  await alerts.toggle()
  await demoSim.resumeVehicle(assetId)
})

test('the health panel shows session, listener, API and the raw events; a refused POST is only counted', async () => {
  const refused = await fetch(await desk.header.listenerUrl(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ assetId: 'forged', lat: 19.4, lng: -99.1 }),
  })
  expect(refused.status).toBe(401)

  const { health } = desk
  await health.open()
  await expect(health.sessionState('signed-in')).toBeVisible()
  await expect(health.tokenExpiry).toHaveText(/\d+:\d\d|\d+ h/)
  await expect(health.api).toHaveAttribute('data-reachable', 'true')
  await expect(health.apiLatency).toHaveText(/^\d+ ms$/)
  expect(await health.acceptedCount()).toBeGreaterThan(0)
  await expect(health.rate).not.toHaveText(/^0\.0/, { timeout: 10_000 })
  await expect(health.rejectedFor('missing-signature')).toContainText('1')
  await expect(health.firstAcceptedCounts).toHaveText(/^accepted \d+ · rejected 0$/)
  // The refused POST is counted above; its body (an attacker's words) is never kept or shown.
  await expect(health.rawEvents).not.toContainText('forged')
  // Escape closes the panel, like every modal panel of the app.
  await health.closeWithEscape()
  await expect(health.root).toHaveCount(0)
})

test('exporting the filtered list downloads the current positions as CSV', async () => {
  await desk.devices.searchFor('GDL')
  await expect(desk.devices.count).toHaveAttribute('data-shown', '30')
  const download = await desk.devices.exportCsv()
  expect(download.suggestedFilename()).toMatch(/^fleet-positions-\d{4}-\d\d-\d\d-\d{4}\.csv$/)
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '')
  const lines = text.trim().split('\r\n')
  expect(lines[0]).toBe('name,serial,assetId,status,lat,lng,speed_kmh,heading_deg,fix_time_utc')
  expect(lines).toHaveLength(31)
  expect(
    lines.slice(1).every((line) => line.includes('GDL') && /,-?\d+\.\d{6},-?\d+\.\d{6},/.test(line)),
  ).toBe(true)
  await desk.devices.clearSearch()
})

test('when positions stop arriving the map says how old the data is', async () => {
  // The stale threshold is 5 s since the alert test; pausing the fleet stops every delivery.
  await demoSim.pause()
  try {
    const banner = desk.dataAgeBanner
    await expect(banner).toBeVisible({ timeout: 20_000 })
    await expect(banner).toHaveAttribute('data-kind', 'old')
    await expect(banner).toContainText(/Data is \d+ s old/)
  } finally {
    await demoSim.resume()
  }
  await expect(desk.dataAgeBanner).toHaveCount(0, { timeout: 15_000 })
})

test('the map pops out into its own window sharing the live fleet', async () => {
  const popup = await desk.popOutMap()
  expect(popup.view()).toBe('map')
  await expect(popup.mapOnly).toBeVisible()
  const total = await desk.devices.total()
  await expect.poll(() => popup.map.assetCount()).toBeGreaterThanOrEqual(total * 0.9)
  // Only the map: no device list, no header, and the main window keeps working.
  await expect(popup.devices.search).toHaveCount(0)
  await expect(popup.map.popOutButton).toHaveCount(0)
  await popup.closeWindow()
  await expect(desk.devices.search).toBeVisible()
})

test('screenshots of the main screen in both languages and both themes', async () => {
  await desk.devices.liveRow(1).select()
  await desk.pause(2500)
  for (const language of ['en', 'es-MX'] as const) {
    await desk.header.switchLanguage(language)
    for (const theme of ['light', 'dark'] as const) {
      await desk.map.useTheme(theme)
      await expect(desk.document).toHaveAttribute('data-theme', theme)
      await desk.pause(400)
      await desk.screenshot(`docs/screenshots/main-${language.toLowerCase()}-${theme}.png`)
    }
  }
  await desk.header.switchLanguage('en')
  await desk.map.toggleTheme()
})
