import type { StateCreator } from 'zustand'
import type { AssetDetail, TrailPoint } from '../../../shared/domain/telemetry'
import type { AppStore } from './index'

export interface SelectionSlice {
  selectedAssetId: string | null
  /** Details and trail of the selected asset, fetched by the bridge while it stays selected. */
  selectedDetail: AssetDetail | null
  selectedTrail: TrailPoint[]
  /** Keep the selected asset centred as it moves. */
  following: boolean
  /** Draw the selected asset's trail. */
  showTrail: boolean
  selectAsset: (assetId: string | null) => void
  setFollowing: (following: boolean) => void
  setShowTrail: (showTrail: boolean) => void
  setSelectedDetail: (assetId: string, detail: AssetDetail | null, trail: TrailPoint[]) => void
}

export const createSelectionSlice: StateCreator<AppStore, [], [], SelectionSlice> = (set, get) => ({
  selectedAssetId: null,
  selectedDetail: null,
  selectedTrail: [],
  following: false,
  showTrail: true,
  selectAsset: (assetId) => {
    if (assetId === get().selectedAssetId) return
    // Following is about one vehicle: a new selection starts unfollowed.
    set({ selectedAssetId: assetId, selectedDetail: null, selectedTrail: [], following: false })
  },
  setFollowing: (following) => set({ following: following && get().selectedAssetId !== null }),
  setShowTrail: (showTrail) => set({ showTrail }),
  setSelectedDetail: (assetId, detail, trail) => {
    // A slow response for a previous selection must not overwrite the current one.
    if (assetId !== get().selectedAssetId) return
    set({ selectedDetail: detail, selectedTrail: trail })
  },
})
