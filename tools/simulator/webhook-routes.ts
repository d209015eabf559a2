import type { RouteRequest, SimContext } from './context'
import { authenticate } from './context'
import { readJsonObject } from './http-kit'
import type { WebhookReplyFault, WebhookReplyField } from './types'
import { checkPostUrl } from './webhooks'

const isId = (v: unknown): v is string | number =>
  (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v))

/** POST /webhook {organizationId, userId, postUrl, name} */
export async function handleCreateWebhook(ctx: SimContext, r: RouteRequest): Promise<void> {
  const claims = authenticate(ctx, r)
  if (!claims) return
  const body = await readJsonObject(r.req)
  if (!body.ok) return r.reply.error(400, 'invalid_request', body.message)
  const { organizationId, userId, postUrl, name } = body.value
  const missing = [
    ...(isId(organizationId) ? [] : ['organizationId']),
    ...(isId(userId) ? [] : ['userId']),
    ...(typeof postUrl === 'string' && postUrl !== '' ? [] : ['postUrl']),
    ...(typeof name === 'string' && name.trim() !== '' ? [] : ['name']),
  ]
  if (missing.length > 0 || !isId(organizationId) || !isId(userId) || typeof postUrl !== 'string') {
    return r.reply.error(400, 'invalid_request', `missing or invalid field(s): ${missing.join(', ')}`)
  }
  // Clients may send the ids as numbers or strings (the docs show both): compare their text.
  if (String(organizationId) !== String(claims.organizationId) || String(userId) !== String(claims.userId)) {
    return r.reply.error(403, 'forbidden', 'organizationId and userId must match the access token')
  }
  const check = checkPostUrl(postUrl, ctx.allowLoopbackWebhooks)
  if (!check.ok) return r.reply.error(422, 'invalid_post_url', check.message)
  const faults = ctx.faults.state()
  const hook = ctx.webhooks.create({
    organizationId: String(claims.organizationId),
    userId: String(claims.userId),
    name: String(name),
    postUrl,
    isActive: !faults.webhooksCreatedInactive,
  })
  const documented: Record<WebhookReplyField, unknown> = {
    webhookId: hook.webhookId,
    publicKey: hook.publicKey,
    keyAlgorithm: 'ed25519',
    isActive: hook.isActive,
    postUrl: hook.postUrl,
  }
  r.reply.data(201, withReplyFault(documented, faults.webhookReply))
}

/** The 201 as the webhookReply fault bends it: the webhook exists either way, only the reply differs. */
function withReplyFault(
  reply: Record<WebhookReplyField, unknown>,
  fault: WebhookReplyFault,
): Record<string, unknown> {
  const bent: Record<string, unknown> = { ...reply, ...fault.values }
  for (const field of fault.omit) delete bent[field]
  return bent
}

/** GET /webhook/{id}/scope: derived live from the org's current devices. */
export function handleScope(ctx: SimContext, r: RouteRequest, webhookId: string): void {
  const claims = authenticate(ctx, r)
  if (!claims) return
  const hook = ctx.webhooks.get(webhookId)
  // Another org's webhook is "not found", not "forbidden": its existence is not ours to reveal.
  if (!hook || hook.organizationId !== String(claims.organizationId)) {
    return r.reply.error(404, 'not_found', `webhook ${webhookId} not found`)
  }
  const scope = hook.scope
  const records = ctx.devices
    .forOrg(hook.organizationId)
    .filter((d) => scope === null || scope.has(d.device.assetId))
  const items = records.map(({ device: { deviceId, serial, assetId } }) => ({ deviceId, serial, assetId }))
  r.reply.data(200, {
    webhookId: hook.webhookId,
    organizationId: hook.organizationId,
    serials: items.map((i) => i.serial),
    assetIds: items.map((i) => i.assetId),
    items,
  })
}
