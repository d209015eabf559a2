import type { ConnectionConfig, VideoRoomInput } from '../../../../shared/schemas/connections'
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

export function createVideoRoom(input: VideoRoomInput) {
  return api.createVideoRoom(input)
}
