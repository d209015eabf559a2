import type { FaultController } from './faults'
import type { Fleet } from './fleet'
import type { TickResult } from './types'
import type { Deliverer } from './webhook-delivery'
import type { WebhookRegistry } from './webhooks'

export interface PumpDeps {
  fleet: Fleet
  webhooks: WebhookRegistry
  deliverer: Deliverer
  faults: FaultController
  tickMs: number
  /** Device clock for event timestamps: GPS time is not affected by the server's skew. */
  now: () => number
  isPaused: () => boolean
}

/** One tick: move the fleet, then POST each org's reports to each of its active webhooks in scope. */
export async function pumpOnce(deps: PumpDeps): Promise<TickResult> {
  if (deps.isPaused()) return { events: 0, delivered: 0, failedPosts: 0 }
  deps.fleet.advance(deps.tickMs)
  const byOrg = deps.fleet.eventsByOrg(deps.now())
  let events = 0
  for (const list of byOrg.values()) events += list.length
  const badSignature = deps.faults.state().badSignatures
  const results = await Promise.all(
    deps.webhooks
      .list()
      .filter((hook) => hook.isActive)
      .map(async (hook) => {
        const scope = hook.scope
        const orgEvents = byOrg.get(hook.organizationId) ?? []
        const inScope = scope === null ? orgEvents : orgEvents.filter((e) => scope.has(e.assetId))
        if (inScope.length === 0) return { delivered: 0, failedPosts: 0 }
        return deps.deliverer.deliver(hook.postUrl, hook.privateKey, inScope, badSignature)
      }),
  )
  return results.reduce<TickResult>(
    (acc, r) => ({
      ...acc,
      delivered: acc.delivered + r.delivered,
      failedPosts: acc.failedPosts + r.failedPosts,
    }),
    { events, delivered: 0, failedPosts: 0 },
  )
}
