import type { StateCreator } from 'zustand'
import type { AssetDetail, TrailPoint } from '../../../shared/domain/telemetry'
import type { AppStore } from './index'

export interface SelectionSlice {
  selectedAssetId: string | null
  /** Details and trail of the selected asset, fetched by the bridge while it stays selected. */
  selectedDetail: AssetDetail | null
  selectedTrail: TrailPoint[]
  selectAsset: (assetId: string | null) => void
  setSelectedDetail: (assetId: string, detail: AssetDetail | null, trail: TrailPoint[]) => void
}

export const createSelectionSlice: StateCreator<AppStore, [], [], SelectionSlice> = (set, get) => ({
  selectedAssetId: null,
  selectedDetail: null,
  selectedTrail: [],
  selectAsset: (assetId) => {
    if (assetId === get().selectedAssetId) return
    set({ selectedAssetId: assetId, selectedDetail: null, selectedTrail: [] })
  },
  setSelectedDetail: (assetId, detail, trail) => {
    // A slow response for a previous selection must not overwrite the current one.
    if (assetId !== get().selectedAssetId) return
    set({ selectedDetail: detail, selectedTrail: trail })
  },
})
