import type { StateCreator } from 'zustand'
import type { SessionState } from '../../../shared/domain/session'
import type { AppStore } from './index'

export interface SessionSlice {
  /** Null until the first snapshot arrives. */
  session: SessionState | null
  host: 'electron' | 'web' | null
  setSession: (session: SessionState) => void
  setHost: (host: 'electron' | 'web') => void
}

export const createSessionSlice: StateCreator<AppStore, [], [], SessionSlice> = (set) => ({
  session: null,
  host: null,
  setSession: (session) => set({ session }),
  setHost: (host) => set({ host }),
})
