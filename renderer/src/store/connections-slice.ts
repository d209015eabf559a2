import type { StateCreator } from 'zustand'
import type { ConnectionEntry, ConnectionTestResult } from '../../../shared/domain/connections'
import type { AppStore } from './index'

export interface ConnectionsSlice {
  /** Vendor connections with their last known status (from connections:list / save / test). */
  connections: ConnectionEntry[]
  connectionsOpen: boolean
  /** Each connection's last "Test connection" result, kept while the dialog switches to a form and back. */
  connectionTests: Record<string, ConnectionTestResult>
  setConnectionTest: (id: string, result: ConnectionTestResult | null) => void
  setConnections: (connections: ConnectionEntry[]) => void
  /** Replaces one entry's status after a test. */
  setConnectionStatus: (status: ConnectionEntry['status']) => void
  setConnectionsOpen: (open: boolean) => void
}

export const createConnectionsSlice: StateCreator<AppStore, [], [], ConnectionsSlice> = (set) => ({
  connections: [],
  connectionsOpen: false,
  connectionTests: {},
  setConnectionTest: (id, result) =>
    set((state) => {
      const { [id]: _dropped, ...rest } = state.connectionTests
      return { connectionTests: result ? { ...rest, [id]: result } : rest }
    }),
  // A removed connection's result goes with it (an edited one's is dropped by saveConnection).
  setConnections: (connections) =>
    set((state) => ({
      connections,
      connectionTests: Object.fromEntries(
        Object.entries(state.connectionTests).filter(([id]) =>
          connections.some((entry) => entry.config.id === id),
        ),
      ),
    })),
  setConnectionStatus: (status) =>
    set((state) => ({
      connections: state.connections.map((entry) =>
        entry.config.id === status.id ? { ...entry, status } : entry,
      ),
    })),
  setConnectionsOpen: (connectionsOpen) => set({ connectionsOpen }),
})
