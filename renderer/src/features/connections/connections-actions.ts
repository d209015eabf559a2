import type { ConnectionConfig } from '../../../../shared/schemas/connections'
import type { VideoPortalInput } from '../../../../shared/schemas/video-portal'
import type { VideoPortalResult } from '../../../../shared/domain/connections'
import * as api from '../../lib/api'
import { useAppStore } from '../../store'

/** Loads configs and statuses into the store. */
export async function loadConnections(): Promise<void> {
  useAppStore.getState().setConnections(await api.listConnections())
}

export async function saveConnection(config: ConnectionConfig, secret: string | undefined): Promise<void> {
  const input = secret === undefined ? { config } : { config, secret }
  const entries = await api.saveConnection(input)
  // The last test described the connection before this edit.
  useAppStore.getState().setConnectionTest(config.id, null)
  useAppStore.getState().setConnections(entries)
}

export async function removeConnection(id: string): Promise<void> {
  useAppStore.getState().setConnections(await api.removeConnection({ id }))
}

/** Tests a connection; the store keeps the status either way (a failure leaves needs-attention). */
export async function testConnection(id: string) {
  try {
    const result = await api.testConnection({ id })
    useAppStore.getState().setConnectionStatus(result.status)
    return result
  } finally {
    void loadConnections().catch(() => undefined)
  }
}

/**
 * "Video call": main asks 8x8 for the token (and room) and opens the Agent Portal. In the browser host the
 * page opens the portal's one-time local link in `tab`, a tab reserved during the click (one opened after
 * the answer would be blocked as a pop-up). Resolves with the result and whether the tab got the link.
 */
export async function openVideoPortal(
  input: VideoPortalInput,
  tab: Window | null,
): Promise<{ result: VideoPortalResult; tabOpened: boolean }> {
  try {
    const result = await api.openVideoPortal(input)
    if (result.portal.opened !== 'tab') {
      tab?.close()
      return { result, tabOpened: false }
    }
    return { result, tabOpened: sendTab(tab, result.portal.path) }
  } catch (error) {
    tab?.close()
    throw error
  }
}

/** An empty tab opened now, inside the user's click, cut off from this page (no `opener`). */
export function reserveTab(): Window | null {
  const tab = window.open('', '_blank')
  if (tab) tab.opener = null
  return tab
}

function sendTab(tab: Window | null, path: string): boolean {
  if (!tab || tab.closed) return false
  tab.location.replace(new URL(path, window.location.origin).href)
  return true
}
