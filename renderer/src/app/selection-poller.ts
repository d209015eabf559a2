import * as api from '../lib/api'
import type { AppStoreApi } from '../store'

const REFRESH_MS = 2000

/**
 * Keeps the selected asset's details and trail fresh: fetched on selection, then every couple of
 * seconds while it stays selected. Lives outside React so the panel and the map just read the store.
 */
export function startSelectionPoller(store: AppStoreApi): () => void {
  let timer: ReturnType<typeof setInterval> | undefined
  let inFlight = false

  async function refresh(assetId: string): Promise<void> {
    if (inFlight) return
    inFlight = true
    try {
      const [detail, trail] = await Promise.all([api.getAsset({ assetId }), api.getTrail({ assetId })])
      store.getState().setSelectedDetail(assetId, detail, trail)
    } catch (cause) {
      console.warn(`refreshing asset ${assetId} failed`, cause)
    } finally {
      inFlight = false
    }
  }

  function follow(assetId: string | null): void {
    clearInterval(timer)
    timer = undefined
    if (assetId === null) return
    void refresh(assetId)
    timer = setInterval(() => void refresh(assetId), REFRESH_MS)
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.selectedAssetId !== previous.selectedAssetId) follow(state.selectedAssetId)
    // Signing out drops the selection: the next session may not even have that asset.
    if (state.session?.phase === 'signed-out' && state.selectedAssetId !== null) state.selectAsset(null)
  })

  return () => {
    unsubscribe()
    clearInterval(timer)
  }
}
