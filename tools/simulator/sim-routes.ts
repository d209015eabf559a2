import type { RouteRequest, SimContext } from './context'
import { faultPatchSchema } from './faults'
import { readJsonObject } from './http-kit'
import { toPublicWebhook } from './webhooks'

/**
 * /__sim/*: control endpoints for out-of-process users (benchmarks, e2e). Only the simulator has
 * them; they exist so a test can break or steer the "server" without sharing its memory.
 */
export async function handleSimRoute(ctx: SimContext, r: RouteRequest): Promise<void> {
  const method = r.req.method ?? 'GET'
  const [, first, second, third] = r.segments
  const key = `${method} ${first ?? ''}`

  if (key === 'GET faults') return r.reply.data(200, ctx.faults.state())
  if (key === 'POST faults') {
    const body = await readJsonObject(r.req)
    if (!body.ok) return r.reply.error(400, 'invalid_request', body.message)
    const patch = faultPatchSchema.safeParse(body.value)
    if (!patch.success) return r.reply.error(400, 'invalid_request', patch.error.message)
    ctx.faults.applyPatch(patch.data)
    return r.reply.data(200, ctx.faults.state())
  }
  if (method === 'POST' && first === 'vehicles' && second && (third === 'stop' || third === 'resume')) {
    const found = third === 'stop' ? ctx.fleet.stopVehicle(second) : ctx.fleet.resumeVehicle(second)
    if (!found) return r.reply.error(404, 'not_found', `no moving vehicle with assetId ${second}`)
    return r.reply.data(200, { assetId: second, stopped: third === 'stop' })
  }
  if (key === 'POST pause' || key === 'POST resume') {
    if (first === 'pause') ctx.fleet.pause()
    else ctx.fleet.resume()
    return r.reply.data(200, { paused: first === 'pause' })
  }
  if (key === 'POST tick') return r.reply.data(200, await ctx.fleet.tick())
  if (key === 'POST revoke-renew-tokens') {
    const body = await readJsonObject(r.req)
    const email = body.ok && typeof body.value.email === 'string' ? body.value.email : undefined
    return r.reply.data(200, { revoked: ctx.fleet.revokeRenewTokens(email) })
  }
  if (key === 'GET state') {
    return r.reply.data(200, {
      deliveredEvents: ctx.fleet.deliveredEvents,
      failedDeliveries: ctx.fleet.failedDeliveries,
      skippedTicks: ctx.fleet.skippedTicks,
      webhooks: ctx.webhooks.list().map(toPublicWebhook),
      faults: ctx.faults.state(),
    })
  }
  r.reply.error(404, 'not_found', `no simulator control at ${method} ${r.url.pathname}`)
}
