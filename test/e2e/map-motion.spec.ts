import type { Point } from './pages/map-view'
import { startTunnelStandIn, TUNNEL_HOST } from '../support/tunnel-stand-in'
import { behindTunnel } from './desk/behind-tunnel'
import { expect, test } from './desk/desk-test'
import type { RunningDesk } from './desk/desk-test'

// Issue 17: between two reports a vehicle glides along the straight line at the pace of its own
// report interval; after a spell out of touch it jumps; with motion off it always jumps. Fixes come
// from the simulator ticked by hand through a tunnel stand-in, so the test knows when each one lands.
const SECONDS_BETWEEN_REPORTS = 2.5

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

/** How far `p` lies off the line through a and b, and where along it (0 at a, 1 at b). */
function along(p: Point, a: Point, b: Point): { t: number; off: number } {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length = Math.hypot(dx, dy)
  const t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / (length * length)
  const off = Math.abs((p.x - a.x) * dy - (p.y - a.y) * dx) / length
  return { t, off }
}

/**
 * Waits until the selected vehicle is drawn on its fix (no glide under way) and the map has stopped
 * moving (the selection's zoom to the street), and returns that point.
 */
async function settled(desk: RunningDesk): Promise<Point> {
  let last: Point | null = null
  await expect
    .poll(
      async () => {
        const [drawn, fix] = [await desk.map.selectedDrawnPoint(), await desk.map.selectedFixPoint()]
        const still = fix !== null && last !== null && distance(fix, last) < 0.05
        last = fix
        return still && drawn !== null && distance(drawn, fix) < 0.05
      },
      { intervals: [300] },
    )
    .toBe(true)
  return last!
}

/** Ticks the simulator and returns the first drawn point after the new fix reached the map, and the fix. */
async function report(desk: RunningDesk, oldFix: Point): Promise<{ drawn: Point; fix: Point }> {
  expect(await desk.sim.tick()).toMatchObject({ delivered: 1, failedPosts: 0 })
  let seen: { drawn: Point; fix: Point } | null = null
  await expect
    .poll(async () => {
      const fix = await desk.map.selectedFixPoint()
      const drawn = await desk.map.selectedDrawnPoint()
      if (fix && drawn && distance(fix, oldFix) > 0.05) seen = { drawn, fix }
      return seen !== null
    })
    .toBe(true)
  return seen!
}

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000))

test('a vehicle glides between its reports, jumps after a spell out of touch, and jumps with motion off', async ({
  openDesk,
}) => {
  test.setTimeout(120_000)
  const tunnel = await startTunnelStandIn({ targetPort: 1 })
  const desk = await openDesk(behindTunnel(tunnel, { vehicles: 1, autoTick: false, tickMs: 2000 }))
  const { sim, devices, map, setup } = desk
  await desk.login.signIn(sim.credentials)
  await setup.open()
  tunnel.target.port = Number(new URL(await setup.listener.localUrlText()).port)
  await setup.webhooks.register('Desk 3', `https://${TUNNEL_HOST}:${tunnel.port}/tagora/events`)
  await setup.close()
  // Out of touch after 10 s without a report, so the test can make a gap without waiting minutes.
  await desk.alerts.toggle()
  await desk.alerts.setStaleAfter(10)
  await desk.alerts.toggle()
  await expect(map.motionButton).toHaveAttribute('aria-pressed', 'true')

  // The first fix: drawn where it is. Selected, the map shows the street.
  expect(await sim.tick()).toMatchObject({ delivered: 1, failedPosts: 0 })
  await expect(devices.liveRows).toHaveCount(1)
  await devices.row(0).select()
  let fix = await settled(desk)

  // Two reports at the fleet's pace: the second glide is timed by the interval the first showed.
  for (let i = 0; i < 2; i++) {
    await pause(SECONDS_BETWEEN_REPORTS)
    const old = fix
    const seen = await report(desk, old)
    // Mid-interval (once it has moved a visible half pixel): strictly between the old fix and the
    // new one, on the line joining them.
    let drawn = seen.drawn
    await expect
      .poll(async () => {
        drawn = (await map.selectedDrawnPoint()) ?? drawn
        return distance(drawn, old)
      })
      .toBeGreaterThan(0.25)
    const { t, off } = along(drawn, old, seen.fix)
    expect(distance(drawn, seen.fix)).toBeGreaterThan(0.05)
    expect(t).toBeGreaterThan(0)
    expect(t).toBeLessThan(1)
    expect(off).toBeLessThan(1)
    if (i === 1) await map.root.screenshot({ path: 'docs/screenshots/map-motion.png' })
    fix = await settled(desk)
  }

  // Three reports at the fleet's pace: one unbroken trail.
  await expect.poll(() => map.trailPieces()).toEqual([3])

  // Out of touch: the vehicle goes stale, and its next report is a jump, not a glide over the gap;
  // the trail breaks there instead of drawing a road it was not seen on.
  await expect(devices.liveRows).toHaveCount(0, { timeout: 30_000 })
  let seen = await report(desk, fix)
  expect(distance(seen.drawn, seen.fix)).toBeLessThan(0.05)
  fix = seen.fix
  await expect.poll(() => map.trailPieces()).toEqual([3, 1])

  // Motion off (remembered for this computer): every report is a jump.
  await pause(SECONDS_BETWEEN_REPORTS)
  await map.setMotion(false)
  await expect(map.motionButton).toHaveAttribute('aria-pressed', 'false')
  seen = await report(desk, fix)
  expect(distance(seen.drawn, seen.fix)).toBeLessThan(0.05)
  // Back at the fleet's pace: the trail goes on from the break.
  await expect.poll(() => map.trailPieces()).toEqual([3, 2])
})
