import { readFile } from 'node:fs/promises'
import type { Download, Locator } from '@playwright/test'
import type { SimulatorControls } from '../support/demo-simulator'
import { expect, test } from './desk/desk-test'
import type { RunningDesk } from './desk/desk-test'
import { openDemoDesk } from './desk/demo-desk'

// Issue 15 in the demo: replay of one vehicle and of the whole fleet, track exports, and the alarm
// inbox (acknowledge, filters, CSV, the chime). One demo desk for the file, driven as a dispatcher.
let desk: RunningDesk
let demoSim: SimulatorControls

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  ;({ desk, demoSim } = await openDemoDesk())
  // Some seconds of the fleet recorded (the inbox test below adds half a minute): something to replay.
  await desk.pause(8_000)
})

test.afterAll(async () => {
  await desk?.close()
})

async function text(download: Download): Promise<string> {
  return (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '')
}

test('the alarm inbox: acknowledge one with a note and all of a kind, filter, export, and hear the chime in the background', async () => {
  // The window is in the background, and every sound it plays is recorded.
  await desk.recordSounds()
  await desk.sendToBackground()
  const { alerts } = desk
  await alerts.toggle()
  await alerts.setStaleAfter(5)
  await alerts.setOfflineAfter(10)
  await alerts.toggle()
  const ids = [await desk.devices.liveRow(2).assetId(), await desk.devices.liveRow(5).assetId()]
  for (const id of ids) expect(await demoSim.stopVehicle(id)).toBe(200)

  await alerts.toggle()
  await expect(alerts.inbox).toBeVisible()
  for (const id of ids)
    await expect(alerts.entry('offline', id)).toHaveAttribute('data-state', 'new', { timeout: 40_000 })
  // Offline is a kind with sound by default: it played, with the window in the background.
  await expect.poll(() => desk.playedSounds()).toContain(0.7)

  const first = alerts.entry('stale', ids[0]!)
  await alerts.acknowledge(first, 'Called the driver: flat tyre')
  await expect(first).toHaveAttribute('data-state', 'acknowledged')
  await expect(alerts.acknowledgedBy(first)).toContainText('demo@')
  await expect(alerts.acknowledgedBy(first)).toContainText('Called the driver: flat tyre')
  await alerts.inbox.screenshot({ path: 'docs/screenshots/alarm-inbox.png' })

  await alerts.filterKind('offline')
  await expect(alerts.rows.first()).toHaveAttribute('data-kind', 'offline')
  await alerts.acknowledgeAllButton.click()
  for (const id of ids)
    await expect(alerts.entry('offline', id)).toHaveAttribute('data-state', 'acknowledged')
  await expect(alerts.entry('stale', ids[1]!)).toHaveCount(0)
  await alerts.filterKind('all')
  await expect(alerts.entry('stale', ids[1]!)).toHaveAttribute('data-state', 'new')

  await alerts.filterVehicle(await desk.devices.liveRow(0).serial())
  await expect(alerts.rows).toHaveCount(0)
  await alerts.filterVehicle('')
  const csv = (await text(await alerts.exportCsv())).trim().split('\r\n')
  expect(csv[0]).toBe(
    'id,raised_at_utc,kind,state,name,serial,assetId,speed_kmh,ended_at_utc,acknowledged_at_utc,acknowledged_by,note,cleared_at_utc',
  )
  expect(
    csv.some((line) => line.includes('acknowledged') && line.includes('Called the driver: flat tyre')),
  ).toBe(true)

  // The vehicles report again: what was acknowledged is cleared; what nobody saw stays new.
  for (const id of ids) await demoSim.resumeVehicle(id)
  await alerts.filterState('all')
  await expect(alerts.entry('stale', ids[0]!)).toHaveAttribute('data-state', 'cleared', { timeout: 20_000 })
  await expect(alerts.entry('offline', ids[1]!)).toHaveAttribute('data-state', 'cleared')
  await expect(alerts.entry('stale', ids[1]!)).toHaveAttribute('data-state', 'new')
  await alerts.toggle()
})

test('replays the last ten minutes of one vehicle, apart from live, and Escape returns to live', async () => {
  const { replay, map } = desk
  await desk.devices.liveRow(0).select()
  await replay.open()
  await expect(map.root).toHaveAttribute('data-mode', 'replay')
  await expect(replay.banner).toBeVisible()
  await replay.chooseRange('last-10-min')
  const { from, to } = await replay.rangeBounds()
  expect(to - from).toBe(600_000)
  // Recording began after the range did: the replay starts at the first recorded fix.
  await expect.poll(() => replay.replayedTime()).toBeGreaterThan(from)
  expect(await map.assetCount()).toBe(1)
  // Live data keeps arriving underneath: the list still shows the fleet live.
  await expect(desk.devices.liveRows.first()).toBeVisible()

  const start = await replay.replayedTime()
  await replay.chooseSpeed(10)
  await replay.playButton.click()
  await expect(replay.playButton).toHaveAttribute('data-playing', 'true')
  await expect.poll(() => replay.replayedTime()).toBeGreaterThan(start + 3000)
  await replay.playButton.click()
  await expect(replay.playButton).toHaveAttribute('data-playing', 'false')

  await replay.scrubTo(0.5)
  await expect
    .poll(async () => Math.abs((await replay.replayedTime()) - (from + to) / 2))
    .toBeLessThan(15_000)
  await replay.scrubTo(0.995)
  await map.zoomIn()
  await desk.pause(800)
  await desk.screenshot('docs/screenshots/replay.png')

  await desk.pressEscape()
  await expect(map.root).toHaveAttribute('data-mode', 'live')
  await expect(replay.banner).toHaveCount(0)
  await expect.poll(() => map.assetCount()).toBeGreaterThan(1)
})

test('exports the replayed track as CSV, GPX and KML, each fix with its time', async () => {
  const { replay } = desk
  await replay.open()
  await replay.chooseRange('last-10-min')
  const csv = (await text(await replay.exportTrack('csv'))).trim().split('\r\n')
  expect(csv[0]).toBe('time_utc,name,serial,assetId,lat,lng,speed_kmh,heading_deg')
  const fixes = csv.length - 1
  expect(fixes).toBeGreaterThanOrEqual(10)
  expect(csv.slice(1).every((line) => /^\d{4}-\d\d-\d\dT[\d:.]+Z,Unidad /.test(line))).toBe(true)
  const gpx = await text(await replay.exportTrack('gpx'))
  expect(gpx).toContain('<gpx version="1.1"')
  expect(gpx.match(/<trkpt /g)?.length).toBe(fixes)
  const kml = await text(await replay.exportTrack('kml'))
  expect(kml.match(/<when>/g)?.length).toBe(fixes)
  expect(kml.match(/<gx:coord>/g)?.length).toBe(fixes)
  await replay.exit()
  await expect(desk.map.root).toHaveAttribute('data-mode', 'live')
})

test('rewinds the whole fleet to a moment of the range', async () => {
  const { replay, map } = desk
  await desk.pressEscape()
  await replay.open()
  await replay.chooseTarget('fleet')
  await replay.chooseRange('last-10-min')
  await replay.scrubTo(0.99)
  const total = await desk.devices.total()
  await expect.poll(() => map.assetCount()).toBe(total)
  await expect(map.root).toHaveAttribute('data-mode', 'replay')
  await replay.exit()
})

test('on a 1024 px window in Spanish the replay banner fits the map below its tools, Back to live is reachable, and the inbox opens on screen', async () => {
  const { replay, map, header } = desk
  await header.switchLanguage('es-MX')
  await desk.resize(1024, 700)
  try {
    await desk.devices.liveRow(0).select()
    await replay.open()
    await expect(replay.banner).toBeVisible()
    const boxOf = async (part: Locator) => (await part.boundingBox())!
    const area = await boxOf(map.root)
    const tools = await boxOf(map.tools)
    const banner = await boxOf(replay.banner)
    const exit = await boxOf(replay.exitButton)
    const inside = (box: typeof area, outer: typeof area) =>
      box.x >= outer.x && box.y >= outer.y && box.x + box.width <= outer.x + outer.width
    expect(inside(banner, area)).toBe(true)
    expect(inside(exit, area)).toBe(true)
    expect(banner.y).toBeGreaterThanOrEqual(tools.y + tools.height)
    expect(await header.listenerOverflows()).toBe(false)
    await replay.exit()
    await expect(map.root).toHaveAttribute('data-mode', 'live')
    // The alarm inbox drops from the bell inside the window, not off its left edge.
    await desk.alerts.toggle()
    const inbox = (await desk.alerts.inbox.boundingBox())!
    expect(inbox.x).toBeGreaterThanOrEqual(0)
    expect(inbox.x + inbox.width).toBeLessThanOrEqual(1024)
    await desk.alerts.toggle()
  } finally {
    await desk.resize(1400, 860)
    await header.switchLanguage('en')
  }
})
