import type { StateCreator } from 'zustand'
import type { Settings } from '../../../shared/schemas/settings'
import type { AppStore } from './index'

export interface SettingsSlice {
  settings: Settings | null
  setSettings: (settings: Settings) => void
}

export const createSettingsSlice: StateCreator<AppStore, [], [], SettingsSlice> = (set) => ({
  settings: null,
  setSettings: (settings) => set({ settings }),
})
