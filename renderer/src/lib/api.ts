import type { CallInput, CallName, CallResult, EventName, EventPayload } from '../../../shared/ipc/contract'
import { callApi } from './call'
import { desktopApi } from './desktop-api'

// The renderer's one way to main (GitHub Desktop's `ui/main-process-proxy.ts`): one named function
// per contract call, typed from the contract, so a changed schema breaks its callers at compile
// time. The only importer of the transport (lint); action files and the bridge are its only callers.

/** A call that takes no input is a function of no arguments. */
type ProxyArgs<K extends CallName> = [CallInput<K>] extends [void] ? [] : [input: CallInput<K>]

function invokeProxy<K extends CallName>(name: K): (...args: ProxyArgs<K>) => Promise<CallResult<K>> {
  return (...args) => callApi(name, args[0] as CallInput<K>)
}

// App and windows
export const getSnapshot = invokeProxy('app:get-snapshot')
export const dismissNotice = invokeProxy('app:dismiss-notice')
export const popOutMap = invokeProxy('window:pop-out-map')

// Session
export const signIn = invokeProxy('session:sign-in')
export const startDemo = invokeProxy('session:start-demo')
export const signOut = invokeProxy('session:sign-out')

// Devices and telemetry
export const refreshDevices = invokeProxy('devices:refresh')
export const getAsset = invokeProxy('telemetry:get-asset')
export const getTrail = invokeProxy('telemetry:get-trail')

// Settings
export const setApiUrl = invokeProxy('settings:set-api-url')
export const setListenerSettings = invokeProxy('settings:set-listener')
export const setDeviceSyncSettings = invokeProxy('settings:set-device-sync')
export const setMapSettings = invokeProxy('settings:set-map')
export const setTelemetrySettings = invokeProxy('settings:set-telemetry')
export const setFeed = invokeProxy('settings:set-feed')

// Webhooks
export const registerWebhook = invokeProxy('webhooks:register')
export const refreshScopes = invokeProxy('webhooks:refresh-scopes')
export const getScope = invokeProxy('webhooks:get-scope')
export const testPublicUrl = invokeProxy('webhooks:test-public')

// History (issue 15)
export const historyRange = invokeProxy('history:range')
export const historyTracks = invokeProxy('history:tracks')
export const historyFleetAt = invokeProxy('history:fleet-at')
export const historyHealth = invokeProxy('history:health')
export const setHistorySettings = invokeProxy('settings:set-history')

// Alarm inbox (issue 15)
export const listAlarms = invokeProxy('alarms:list')
export const acknowledgeAlarms = invokeProxy('alarms:acknowledge')
export const setAlarmSettings = invokeProxy('settings:set-alarms')

// Health
export const probeApi = invokeProxy('health:probe-api')
export const recentListenerEvents = invokeProxy('listener:recent-events')

// Vendor connections
export const listConnections = invokeProxy('connections:list')
export const saveConnection = invokeProxy('connections:save')
export const removeConnection = invokeProxy('connections:remove')
export const testConnection = invokeProxy('connections:test')
export const openVideoPortal = invokeProxy('connections:open-video-portal')

/** Subscribes to one pushed event (for the bridge); returns the unsubscribe function. */
export function onEvent<K extends EventName>(
  name: K,
  listener: (payload: EventPayload<K>) => void,
): () => void {
  return desktopApi.on(name, listener)
}

export { onTransportReconnected } from './desktop-api'
