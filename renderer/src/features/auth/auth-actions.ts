import * as api from '../../lib/api'
import { useAppStore } from '../../store'

// Sign-in intents that reach main; the login screen calls only these.

export async function signIn(email: string, password: string, remember: boolean): Promise<void> {
  useAppStore.getState().setSession(await api.signIn({ email, password, remember }))
}

export async function startDemo(): Promise<void> {
  useAppStore.getState().setSession(await api.startDemo())
}

export async function setApiUrl(apiUrl: string): Promise<void> {
  useAppStore.getState().setSettings(await api.setApiUrl({ apiUrl }))
}
