import type { StateCreator } from 'zustand'
import type { FeedState } from '../../../shared/domain/feed'
import type { AppStore } from './index'

export interface FeedSlice {
  /** This desk's listener or a Fleet Relay, and the relay link's state; null before the snapshot. */
  feed: FeedState | null
  setFeed: (feed: FeedState) => void
}

export const createFeedSlice: StateCreator<AppStore, [], [], FeedSlice> = (set) => ({
  feed: null,
  setFeed: (feed) => set({ feed }),
})
