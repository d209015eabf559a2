import * as api from '../../lib/api'
import { useAppStore } from '../../store'

export async function signOut(): Promise<void> {
  useAppStore.getState().setSession(await api.signOut())
}
