import type { StateCreator } from 'zustand'
import type { SessionState } from '../../../shared/domain/session'
import type { AppStore } from './index'

export interface SessionSlice {
  /** Null until the first snapshot arrives. */
  session: SessionState | null
  host: 'electron' | 'web' | null
  /** TAGORA_API_URL for this run: the API signed in to, whatever the settings say. */
  apiUrlOverride: string | null
  setSession: (session: SessionState) => void
  setHost: (host: 'electron' | 'web', apiUrlOverride: string | null) => void
}

export const createSessionSlice: StateCreator<AppStore, [], [], SessionSlice> = (set) => ({
  session: null,
  host: null,
  apiUrlOverride: null,
  setSession: (session) => set({ session }),
  setHost: (host, apiUrlOverride) => set({ host, apiUrlOverride }),
})
