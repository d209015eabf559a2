import type { StateCreator } from 'zustand'
import type { ListenerState } from '../../../shared/domain/listener'
import type { AppStore } from './index'

export interface ListenerSlice {
  listener: ListenerState | null
  setListener: (listener: ListenerState) => void
}

export const createListenerSlice: StateCreator<AppStore, [], [], ListenerSlice> = (set) => ({
  listener: null,
  setListener: (listener) => set({ listener }),
})
