import { expect, test } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'
import { launchChromium } from '../support/chromium'
import { startWebHostProcess } from '../support/web-host-process'
import type { WebHostProcess } from '../support/web-host-process'

let host: WebHostProcess
let context: BrowserContext
let page: Page

test.beforeAll(async () => {
  host = await startWebHostProcess()
  context = await launchChromium()
  page = await context.newPage()
})

test.afterAll(async () => {
  await context?.close()
  await host?.stop()
})

test('a new user tries the demo and watches vehicles move on the live map', async () => {
  await page.goto(host.url)
  await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-out')
  await expect(page.getByTestId('listener-status')).toHaveAttribute('data-state', 'listening')

  await page.getByTestId('demo-start').click()
  await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-in')

  // Devices listed: the simulator's whole fleet.
  await expect(page.getByTestId('device-count')).toHaveAttribute('data-total', /^[1-9]\d*$/)
  const total = Number(await page.getByTestId('device-count').getAttribute('data-total'))
  expect(total).toBeGreaterThanOrEqual(60)

  // Every vehicle with a position is drawn, on one canvas layer rather than a DOM node per vehicle.
  await expect
    .poll(async () => Number(await page.getByTestId('map').getAttribute('data-asset-count')), {
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(total * 0.9)
  // The only DOM markers are the offline basemap's place and street labels, never vehicles.
  const markers = page.locator('.leaflet-marker-icon:not(.city-label):not(.street-label)')
  expect(await markers.count()).toBe(0)
  expect(await page.locator('canvas.asset-canvas').count()).toBe(1)

  // Pick a vehicle that reports live and watch its position change.
  const liveRow = page.locator('[data-testid="device-row"][data-status="live"]').first()
  await expect(liveRow).toBeVisible()
  const assetId = await liveRow.getAttribute('data-asset-id')
  await liveRow.click()
  const detail = page.getByTestId('asset-detail')
  await expect(detail).toHaveAttribute('data-asset-id', assetId ?? '')
  await expect(detail).toHaveAttribute('data-lat', /\d/)
  const first = { lat: await detail.getAttribute('data-lat'), lng: await detail.getAttribute('data-lng') }
  const firstFix = await detail.getAttribute('data-fix-time')
  await expect
    .poll(
      async () => ({
        lat: await detail.getAttribute('data-lat'),
        lng: await detail.getAttribute('data-lng'),
      }),
      {
        timeout: 15_000,
      },
    )
    .not.toEqual(first)
  const laterFix = await detail.getAttribute('data-fix-time')
  expect(Date.parse(laterFix ?? '')).toBeGreaterThan(Date.parse(firstFix ?? ''))

  // Let a few batches land so the trail shows, then keep the picture for the README.
  await page.waitForTimeout(2500)
  await page.screenshot({ path: 'docs/screenshots/live-map.png' })
})

test('search narrows the device list, and sign-out returns to the login screen', async () => {
  const total = Number(await page.getByTestId('device-count').getAttribute('data-total'))
  const row = page.getByTestId('device-row').first()
  const serial = (await row.getAttribute('data-serial')) ?? ''
  await page.getByTestId('device-search').fill(serial)
  await expect(page.getByTestId('device-row')).toHaveCount(1)
  await expect(page.getByTestId('device-count')).toHaveAttribute('data-total', String(total))
  await page.getByTestId('device-search').fill('')

  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-out')
  await expect(page.getByTestId('login-email')).toBeVisible()
})
