import type { StateCreator } from 'zustand'
import { readPreference, writePreference } from '../lib/preferences'
import type { AppStore } from './index'

export type Theme = 'light' | 'dark'
const THEMES: readonly Theme[] = ['light', 'dark']

export interface MapViewSlice {
  theme: Theme
  /** Group nearby vehicles into counted circles when zoomed out. */
  clustering: boolean
  /** Vehicles glide between fixes; off, they jump (low-power desks, wall displays, reduced motion). */
  motion: boolean
  /** Bumped to ask the map to fit every vehicle (the "fit all" tool and shortcut). */
  fitAllRequest: number
  setTheme: (theme: Theme) => void
  setClustering: (clustering: boolean) => void
  setMotion: (motion: boolean) => void
  requestFitAll: () => void
}

function prefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false
}

/** A screen whose user asked the system for less motion starts with gliding off (they may turn it on). */
function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
}

export const createMapViewSlice: StateCreator<AppStore, [], [], MapViewSlice> = (set) => ({
  theme: readPreference('theme', THEMES, prefersDark() ? 'dark' : 'light'),
  clustering: readPreference('clustering', ['on', 'off'], 'on') === 'on',
  motion: readPreference('motion', ['on', 'off'], prefersReducedMotion() ? 'off' : 'on') === 'on',
  fitAllRequest: 0,
  setTheme: (theme) => {
    writePreference('theme', theme)
    set({ theme })
  },
  setClustering: (clustering) => {
    writePreference('clustering', clustering ? 'on' : 'off')
    set({ clustering })
  },
  setMotion: (motion) => {
    writePreference('motion', motion ? 'on' : 'off')
    set({ motion })
  },
  // Seeing the whole fleet and following one vehicle contradict each other: fitting wins.
  requestFitAll: () => set((s) => ({ fitAllRequest: s.fitAllRequest + 1, following: false })),
})
