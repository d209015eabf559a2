// Health panel reads: main-side state nobody pushes, polled while the panel is open. Nothing goes to
// the store, so the calls themselves are the actions.
import * as api from '../../lib/api'
import { useAppStore } from '../../store'

export { historyHealth, probeApi, recentListenerEvents } from '../../lib/api'

/** Retention and size cap of the history: saved, and main starts pruning to them at once. */
export async function setHistorySettings(change: {
  retentionDays?: number
  maxSizeMiB?: number
}): Promise<void> {
  useAppStore.getState().setSettings(await api.setHistorySettings(change))
}
