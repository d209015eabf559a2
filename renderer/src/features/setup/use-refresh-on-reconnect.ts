import { useEffect } from 'react'
import { refreshDevices } from '../devices/devices-actions'
import { useAppStore } from '../../store'

/** When the computer's network comes back, sync devices at once instead of waiting for the period. */
export function useRefreshOnReconnect(): void {
  useEffect(() => {
    const onOnline = (): void => {
      const phase = useAppStore.getState().session?.phase
      if (phase !== 'signed-in') return
      refreshDevices().catch((cause: unknown) => console.warn('device refresh after reconnect failed', cause))
    }
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [])
}
