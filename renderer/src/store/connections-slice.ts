import type { StateCreator } from 'zustand'
import type { ConnectionEntry } from '../../../shared/domain/connections'
import type { AppStore } from './index'

export interface ConnectionsSlice {
  /** Vendor connections with their last known status (from connections:list / save / test). */
  connections: ConnectionEntry[]
  connectionsOpen: boolean
  setConnections: (connections: ConnectionEntry[]) => void
  /** Replaces one entry's status after a test. */
  setConnectionStatus: (status: ConnectionEntry['status']) => void
  setConnectionsOpen: (open: boolean) => void
}

export const createConnectionsSlice: StateCreator<AppStore, [], [], ConnectionsSlice> = (set) => ({
  connections: [],
  connectionsOpen: false,
  setConnections: (connections) => set({ connections }),
  setConnectionStatus: (status) =>
    set((state) => ({
      connections: state.connections.map((entry) =>
        entry.config.id === status.id ? { ...entry, status } : entry,
      ),
    })),
  setConnectionsOpen: (connectionsOpen) => set({ connectionsOpen }),
})
