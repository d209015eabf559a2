import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'
import { launchChromium } from '../support/chromium'
import { startWebHostProcess } from '../support/web-host-process'
import type { WebHostProcess } from '../support/web-host-process'

// One demo session for the whole file: the dispatcher's screen, driven as a dispatcher would.
let host: WebHostProcess
let context: BrowserContext
let page: Page

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  host = await startWebHostProcess({ args: ['--demo'] })
  context = await launchChromium()
  page = await context.newPage()
  await page.goto(host.url)
  await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-in', {
    timeout: 30_000,
  })
  await expect(page.locator('[data-testid="device-row"][data-status="live"]').first()).toBeVisible()
})

test.afterAll(async () => {
  await context?.close()
  await host?.stop()
})

/** The demo's simulator runs inside the host; its control routes can pause the fleet or stop a vehicle. */
function simulatorOrigin(): string {
  const logLine = host
    .output()
    .split('\n')
    .find((line) => line.includes('"demo simulator started"'))
  const url = logLine ? (JSON.parse(logLine) as { url?: string }).url : undefined
  if (!url) throw new Error(`no simulator URL in the host output:\n${host.output()}`)
  return new URL(url).origin
}

const count = async (filter: string) =>
  Number(await page.getByTestId(`status-filter-${filter}`).getAttribute('data-count'))

test('status chips count the fleet and filter the list', async () => {
  const total = Number(await page.getByTestId('device-count').getAttribute('data-total'))
  expect(await count('all')).toBe(total)
  const live = await count('live')
  expect(live).toBeGreaterThan(0)
  expect(live + (await count('stale')) + (await count('offline')) + (await count('no-fix'))).toBe(total)

  await page.getByTestId('status-filter-live').click()
  const rows = page.getByTestId('device-row')
  await expect(rows.first()).toHaveAttribute('data-status', 'live')
  await expect(page.getByTestId('device-count')).toHaveAttribute('data-shown', String(await count('live')))
  await page.getByTestId('status-filter-offline').click()
  if ((await count('offline')) === 0) await expect(rows).toHaveCount(0)
  await page.getByTestId('status-filter-all').click()
  await expect(page.getByTestId('device-count')).toHaveAttribute('data-shown', String(total))
})

test('search finds a vehicle by name, serial or asset id', async () => {
  const row = page.getByTestId('device-row').nth(3)
  const assetId = (await row.getAttribute('data-asset-id')) ?? ''
  const serial = (await row.getAttribute('data-serial')) ?? ''
  for (const text of [serial, assetId.slice(0, 13)]) {
    await page.getByTestId('device-search').fill(text)
    await expect(page.getByTestId('device-row')).toHaveCount(1)
    await expect(page.getByTestId('device-row')).toHaveAttribute('data-asset-id', assetId)
  }
  // The demo fleet is spread evenly over three cities; names carry the city.
  const total = Number(await page.getByTestId('device-count').getAttribute('data-total'))
  await page.getByTestId('device-search').fill('cdmx')
  await expect(page.getByTestId('device-count')).toHaveAttribute('data-shown', String(total / 3))
  await page.getByTestId('device-search').fill('zzz-no-such-vehicle')
  await expect(page.getByTestId('device-row')).toHaveCount(0)
  await page.getByTestId('device-search').fill('')
})

test('sorting by speed puts the fastest vehicle first', async () => {
  // Freeze the fleet so speeds hold still while the order is read.
  await fetch(`${simulatorOrigin()}/__sim/pause`, { method: 'POST' })
  try {
    await page.getByTestId('device-sort').selectOption('speed')
    await page.waitForTimeout(1500)
    const rows = await page.getByTestId('device-row').all()
    const speeds = await Promise.all(
      rows.map(async (row) => Number((await row.getAttribute('data-speed')) || 0)),
    )
    expect(speeds.length).toBeGreaterThanOrEqual(12)
    expect(speeds).toEqual([...speeds].sort((a, b) => b - a))
    await page.getByTestId('device-sort').selectOption('name')
  } finally {
    await fetch(`${simulatorOrigin()}/__sim/resume`, { method: 'POST' })
  }
})

test('selecting a row selects the vehicle on the map, follow keeps it centred, Escape deselects', async () => {
  const row = page.locator('[data-testid="device-row"][data-status="live"]').first()
  const assetId = (await row.getAttribute('data-asset-id')) ?? ''
  await row.click()
  await expect(page.getByTestId('map')).toHaveAttribute('data-selected-asset-id', assetId)
  await expect(page.getByTestId('asset-detail')).toHaveAttribute('data-asset-id', assetId)
  await expect(row).toHaveAttribute('aria-selected', 'true')

  await page.getByTestId('asset-follow').click()
  await expect(page.getByTestId('map')).toHaveAttribute('data-following', 'true')
  await expect(page.getByTestId('map-follow')).toHaveAttribute('aria-pressed', 'true')
  // Dragging the map means looking elsewhere: following stops.
  const box = await page.getByTestId('map').boundingBox()
  if (!box) throw new Error('map has no box')
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 3 + 120, box.y + box.height / 3 + 60, { steps: 6 })
  await page.mouse.up()
  await expect(page.getByTestId('map')).toHaveAttribute('data-following', 'false')

  await page.keyboard.press('Escape')
  await expect(page.getByTestId('asset-detail')).toHaveCount(0)
  await expect(page.getByTestId('map')).toHaveAttribute('data-selected-asset-id', '')
})

test('the pointer readout names the ground under the pointer, even when the map moves beneath it', async () => {
  const map = page.getByTestId('map')
  const box = await map.boundingBox()
  if (!box) throw new Error('map has no box')
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.8)
  const readout = page.getByTestId('map-cursor')
  await expect(readout).toHaveText(/^-?\d+\.\d{5}, -?\d+\.\d{5}$/)
  const longitude = async () => Number(((await readout.textContent()) ?? '').split(', ')[1])
  // Let an earlier drag's inertia settle (Leaflet ignores arrow keys while a pan animates), so only
  // the keyboard moves the map from here on.
  let settled = await longitude()
  for (;;) {
    await page.waitForTimeout(300)
    const now = await longitude()
    if (now === settled) break
    settled = now
  }
  // The keyboard pans the map east while the pointer stays still: the old readout would now be a lie.
  await map.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect.poll(longitude).toBeGreaterThan(settled + 0.001)
  await page.mouse.move(box.x - 20, box.y + 10)
  await expect(readout).toHaveCount(0)
})

test('the language switch turns the whole screen Spanish and back', async () => {
  await page.getByTestId('language-es-MX').click()
  await expect(page.getByTestId('status-filter-all')).toContainText('Todos')
  await expect(page.getByTestId('map-fit-all')).toHaveText('Ver todos')
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-MX')
  await page.getByTestId('language-en').click()
  await expect(page.getByTestId('status-filter-all')).toContainText('All')
})

test('a vehicle that stops reporting raises a stale alert and a notification; clicking it selects it', async () => {
  // The demo's simulator runs inside the host; its control routes can stop one vehicle.
  const simUrl = simulatorOrigin()
  await page.evaluate(() => {
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

  await page.getByTestId('alerts-toggle').click()
  await page.getByText('Alert and map settings').click()
  await page.getByTestId('alert-stale-after').fill('5')
  await page.getByTestId('alert-stale-after').press('Tab')
  await page.getByTestId('alerts-toggle').click()

  const row = page.locator('[data-testid="device-row"][data-status="live"]').nth(4)
  const assetId = (await row.getAttribute('data-asset-id')) ?? ''
  const stopped = await fetch(`${simUrl}/__sim/vehicles/${assetId}/stop`, { method: 'POST' })
  expect(stopped.status).toBe(200)

  const bell = page.getByTestId('alerts-toggle')
  await expect(bell).not.toHaveAttribute('data-unread', '0', { timeout: 30_000 })
  await bell.click()
  const entry = page.locator(`[data-testid="alert-entry"][data-kind="stale"][data-asset-ids~="${assetId}"]`)
  await expect(entry).toBeVisible()
  const notifications = await page.evaluate(
    () => (globalThis as unknown as { shownNotifications: string[] }).shownNotifications,
  )
  expect(notifications.some((n) => n.startsWith('Stale:'))).toBe(true)

  await entry.getByRole('button').first().click()
  await expect(page.getByTestId('asset-detail')).toHaveAttribute('data-asset-id', assetId)
  await expect(page.getByTestId('asset-detail')).toHaveAttribute('data-status', 'stale')
  await bell.click()
  await fetch(`${simUrl}/__sim/vehicles/${assetId}/resume`, { method: 'POST' })
})

test('the health panel shows session, listener, API and the raw events; a refused POST is only counted', async () => {
  const listenerUrl = (await page.getByTestId('listener-status').getAttribute('data-url')) ?? ''
  const refused = await fetch(listenerUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ assetId: 'forged', lat: 19.4, lng: -99.1 }),
  })
  expect(refused.status).toBe(401)

  await page.getByTestId('open-health').click()
  const panel = page.getByTestId('health-panel')
  await expect(panel.getByTestId('health-session').locator('dd[data-state="signed-in"]')).toBeVisible()
  await expect(panel.getByTestId('health-token-expiry')).toHaveText(/\d+:\d\d|\d+ h/)
  await expect(panel.getByTestId('health-api')).toHaveAttribute('data-reachable', 'true')
  await expect(panel.getByTestId('health-latency')).toHaveText(/^\d+ ms$/)
  expect(Number(await panel.getByTestId('health-accepted').textContent())).toBeGreaterThan(0)
  await expect(panel.getByTestId('health-rate')).not.toHaveText(/^0\.0/, { timeout: 10_000 })
  await expect(
    panel.locator('[data-testid="health-rejected"] tr[data-reason="missing-signature"]'),
  ).toContainText('1')
  const acceptedBody = panel.locator('[data-testid="raw-event"][data-accepted="true"]').first()
  await expect(acceptedBody.getByTestId('raw-event-counts')).toHaveText(/^accepted \d+ · rejected 0$/)
  // The refused POST is counted above; its body (an attacker's words) is never kept or shown.
  await expect(panel.getByTestId('raw-events')).not.toContainText('forged')
  // Escape closes the panel, like every modal panel of the app.
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
})

test('exporting the filtered list downloads the current positions as CSV', async () => {
  await page.getByTestId('device-search').fill('GDL')
  await expect(page.getByTestId('device-count')).toHaveAttribute('data-shown', '30')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^fleet-positions-\d{4}-\d\d-\d\d-\d{4}\.csv$/)
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '')
  const lines = text.trim().split('\r\n')
  expect(lines[0]).toBe('name,serial,assetId,status,lat,lng,speed_kmh,heading_deg,fix_time_utc')
  expect(lines).toHaveLength(31)
  expect(
    lines.slice(1).every((line) => line.includes('GDL') && /,-?\d+\.\d{6},-?\d+\.\d{6},/.test(line)),
  ).toBe(true)
  await page.getByTestId('device-search').fill('')
})

test('when positions stop arriving the map says how old the data is', async () => {
  // The stale threshold is 5 s since the alert test; pausing the fleet stops every delivery.
  await fetch(`${simulatorOrigin()}/__sim/pause`, { method: 'POST' })
  try {
    const banner = page.getByTestId('data-age-banner')
    await expect(banner).toBeVisible({ timeout: 20_000 })
    await expect(banner).toHaveAttribute('data-kind', 'old')
    await expect(banner).toContainText(/Data is \d+ s old/)
  } finally {
    await fetch(`${simulatorOrigin()}/__sim/resume`, { method: 'POST' })
  }
  await expect(page.getByTestId('data-age-banner')).toHaveCount(0, { timeout: 15_000 })
})

test('the map pops out into its own window sharing the live fleet', async () => {
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByTestId('map-pop-out').click()])
  await popup.waitForLoadState()
  expect(new URL(popup.url()).searchParams.get('view')).toBe('map')
  await expect(popup.getByTestId('map-only')).toBeVisible()
  const total = Number(await page.getByTestId('device-count').getAttribute('data-total'))
  await expect
    .poll(async () => Number(await popup.getByTestId('map').getAttribute('data-asset-count')))
    .toBeGreaterThanOrEqual(total * 0.9)
  // Only the map: no device list, no header, and the main window keeps working.
  await expect(popup.getByTestId('device-search')).toHaveCount(0)
  await expect(popup.getByTestId('map-pop-out')).toHaveCount(0)
  await popup.close()
  await expect(page.getByTestId('device-search')).toBeVisible()
})

test('screenshots of the main screen in both languages and both themes', async () => {
  await page.locator('[data-testid="device-row"][data-status="live"]').nth(1).click()
  await page.waitForTimeout(2500)
  for (const language of ['en', 'es-MX'] as const) {
    await page.getByTestId(`language-${language}`).click()
    for (const theme of ['light', 'dark'] as const) {
      if ((await page.getByTestId('theme-toggle').getAttribute('data-theme')) !== theme)
        await page.getByTestId('theme-toggle').click()
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      await page.waitForTimeout(400)
      await page.screenshot({ path: `docs/screenshots/main-${language.toLowerCase()}-${theme}.png` })
    }
  }
  await page.getByTestId('language-en').click()
  await page.getByTestId('theme-toggle').click()
})
