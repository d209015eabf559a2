import type { StateCreator } from 'zustand'
import type { ListenerState } from '../../../shared/domain/listener'
import { addSample } from '../lib/event-rate'
import type { CounterSample } from '../lib/event-rate'
import type { AppStore } from './index'

export interface ListenerSlice {
  listener: ListenerState | null
  /** The accepted counter over the last seconds, for the events-per-second figure. */
  acceptedSamples: CounterSample[]
  setListener: (listener: ListenerState) => void
}

export const createListenerSlice: StateCreator<AppStore, [], [], ListenerSlice> = (set) => ({
  listener: null,
  acceptedSamples: [],
  setListener: (listener) =>
    set((s) => ({
      listener,
      acceptedSamples: addSample(s.acceptedSamples, { at: Date.now(), count: listener.accepted }),
    })),
})
