import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import { CALL_CHANNELS, EVENT_CHANNELS } from '../../shared/ipc/channels'
import type { DesktopApi } from '../../shared/ipc/desktop-api'
import { DESKTOP_API_GLOBAL } from '../../shared/ipc/desktop-api'

// Sandboxed, CommonJS. Exposes the typed DesktopApi and nothing else: never ipcRenderer itself.
const callChannels = new Set<string>(CALL_CHANNELS)
const eventChannels = new Set<string>(EVENT_CHANNELS)

const desktopApi: DesktopApi = {
  call(name, input) {
    if (!callChannels.has(name)) return Promise.reject(new Error(`Unknown call ${name}`))
    return ipcRenderer.invoke(name, input) as ReturnType<DesktopApi['call']>
  },
  on(name, listener) {
    if (!eventChannels.has(name)) throw new Error(`Unknown event ${name}`)
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as never)
    ipcRenderer.on(name, wrapped)
    return () => {
      ipcRenderer.removeListener(name, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, desktopApi)
