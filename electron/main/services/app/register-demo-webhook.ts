import type { Device } from '../../../../shared/domain/device'
import type { WebhookRecord } from '../../../../shared/schemas/settings'
import type { TagoraSession } from '../session/tagora-session'

/**
 * Registers a webhook with the signed-in API. organizationId and userId come from the token's claims
 * (the contract page's decision), falling back to the device list for the organization.
 */
export async function registerWebhook(
  session: TagoraSession,
  request: { postUrl: string; name: string; apiUrl: string; devices: readonly Device[] },
): Promise<WebhookRecord> {
  const claims = session.claims()
  const organizationId = claims.organizationId ?? request.devices[0]?.organizationId
  const userId = claims.userId
  if (organizationId === undefined || organizationId === null || userId === undefined || userId === null) {
    throw new Error('The session does not say which organization and user it belongs to.')
  }
  const response = await session.authorized((token, client) =>
    client.registerWebhook(token, { organizationId, userId, postUrl: request.postUrl, name: request.name }),
  )
  return {
    webhookId: response.data.webhookId,
    name: request.name,
    postUrl: response.data.postUrl,
    publicKeyPem: response.data.publicKey,
    keyAlgorithm: response.data.keyAlgorithm,
    createdAt: new Date().toISOString(),
    apiUrl: request.apiUrl,
  }
}

/** The demo's webhook points straight at the local listener: only the simulator accepts that. */
export function registerDemoWebhook(
  session: TagoraSession,
  listenerUrl: string,
  apiUrl: string,
  devices: readonly Device[],
): Promise<WebhookRecord> {
  return registerWebhook(session, { postUrl: listenerUrl, name: 'Fleet Monitor demo', apiUrl, devices })
}
