import type { StateCreator } from 'zustand'
import type { WebhooksState } from '../../../shared/domain/webhook'
import type { AppErrorInfo } from '../../../shared/domain/errors'
import type { AppStore } from './index'

export interface SetupSlice {
  /** Registered webhooks and their scopes, as main last pushed them. */
  webhooks: WebhooksState
  /** A start-up problem the user must hear about once (e.g. the settings file was unusable). */
  notice: AppErrorInfo | null
  setupOpen: boolean
  setWebhooks: (webhooks: WebhooksState) => void
  setNotice: (notice: AppErrorInfo | null) => void
  setSetupOpen: (open: boolean) => void
}

export const createSetupSlice: StateCreator<AppStore, [], [], SetupSlice> = (set) => ({
  webhooks: { webhooks: [], outOfScopeAssetIds: null },
  notice: null,
  setupOpen: false,
  // The out-of-scope flags live in the devices slice, as a Set the device list can probe per row.
  setWebhooks: (webhooks) =>
    set({
      webhooks,
      outOfScopeAssetIds: webhooks.outOfScopeAssetIds === null ? null : new Set(webhooks.outOfScopeAssetIds),
    }),
  setNotice: (notice) => set({ notice }),
  setSetupOpen: (setupOpen) => set({ setupOpen }),
})
