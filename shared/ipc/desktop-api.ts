import type { CallOutcome } from '../domain/errors'
import type { CallInput, CallName, CallResult, EventName, EventPayload } from './contract'

/**
 * What "the desktop" offers the renderer. The preload exposes it in Electron; the browser host's
 * WebSocket client implements it too. Calls resolve to an outcome envelope so error fields survive.
 */
export interface DesktopApi {
  /** Invokes one contract call. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutcome<CallResult<K>>>
  /** Subscribes to one contract event; returns the unsubscribe function. */
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void
}

/** Name of the global the preload exposes the API under. */
export const DESKTOP_API_GLOBAL = 'fleetDesktop'
