import type { PublicUrlTestResult } from '../../../../shared/domain/public-url-test'
import type { ScopeDevice, WebhookView } from '../../../../shared/domain/webhook'
import type { DeviceSyncSettings, ListenerSettings } from '../../../../shared/schemas/settings'
import type { SetFeedInput } from '../../../../shared/schemas/feed'
import * as api from '../../lib/api'
import { useAppStore } from '../../store'

// Fleet setup intents that reach main; the components call only these.

/** `ids`: the advanced override; empty fields leave the ids to the session's token. */
export async function registerWebhook(
  name: string,
  postUrl: string,
  ids: { organizationId: string; userId: string } = { organizationId: '', userId: '' },
): Promise<WebhookView> {
  const organizationId = ids.organizationId.trim()
  const userId = ids.userId.trim()
  return api.registerWebhook({
    name,
    postUrl,
    ...(organizationId ? { organizationId } : {}),
    ...(userId ? { userId } : {}),
  })
}

export async function refreshScopes(): Promise<void> {
  useAppStore.getState().setWebhooks(await api.refreshScopes())
}

export function scopeDevices(webhookId: string): Promise<ScopeDevice[]> {
  return api.getScope({ webhookId })
}

export async function applyListenerSettings(change: Partial<ListenerSettings>): Promise<void> {
  useAppStore.getState().setSettings(await api.setListenerSettings(change))
}

/** Listener, or a relay: main tries the relay first, so a refused key throws and changes nothing. */
export async function applyFeed(input: SetFeedInput): Promise<void> {
  useAppStore.getState().setFeed(await api.setFeed(input))
}

export async function applyDeviceSyncSettings(change: Partial<DeviceSyncSettings>): Promise<void> {
  useAppStore.getState().setSettings(await api.setDeviceSyncSettings(change))
}

export function testPublicUrl(webhookId: string): Promise<PublicUrlTestResult> {
  return api.testPublicUrl({ webhookId })
}

/** The user read the start-up notice: gone here at once, and in main (best effort). */
export function dismissNotice(): void {
  useAppStore.getState().setNotice(null)
  // Main forgets it too, or the next snapshot (a reconnect, a new window) would bring it back.
  void api.dismissNotice().catch(() => undefined)
}
