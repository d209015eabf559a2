import { callApi } from '../lib/call'
import { useAppStore } from '../store'

// User intents that reach main. Components call these; only these (and the bridge) know the API.

export async function signIn(email: string, password: string, remember: boolean): Promise<void> {
  useAppStore.getState().setSession(await callApi('session:sign-in', { email, password, remember }))
}

export async function startDemo(): Promise<void> {
  useAppStore.getState().setSession(await callApi('session:start-demo', undefined))
}

export async function signOut(): Promise<void> {
  useAppStore.getState().setSession(await callApi('session:sign-out', undefined))
}

export async function refreshDevices(): Promise<void> {
  useAppStore.getState().setDeviceSync(await callApi('devices:refresh', undefined))
}

export async function setApiUrl(apiUrl: string): Promise<void> {
  useAppStore.getState().setSettings(await callApi('settings:set-api-url', { apiUrl }))
}

export async function setBasemap(basemap: 'auto' | 'online' | 'offline'): Promise<void> {
  useAppStore.getState().setSettings(await callApi('settings:set-map', { basemap }))
}

export async function setTelemetryThresholds(change: {
  staleAfterSeconds?: number
  offlineAfterSeconds?: number
  trailMinutes?: number
  trailPoints?: number
}): Promise<void> {
  useAppStore.getState().setSettings(await callApi('settings:set-telemetry', change))
}
