// The `electron` module as the built main bundle sees it under plain Node (register.ts maps the
// import here). Only what main uses; each part records what it is asked and reports it to the test.
import { onCommand, report } from './control'
import { FakeApp } from './fake-app'
import { FakeBrowserWindow } from './fake-browser-window'
import { FakeMenu, FakeNotification, FakeTray, ipcHandler } from './fake-desktop'

export { dialog, ipcMain, nativeImage, powerMonitor, screen, session, shell } from './fake-desktop'

export const app = new FakeApp()
export const BrowserWindow = FakeBrowserWindow
export const Menu = FakeMenu
export const Tray = FakeTray
export const Notification = FakeNotification

onCommand((command) => {
  switch (command.cmd) {
    case 'quit':
      return app.quit()
    case 'activate':
      return void app.emit('activate')
    case 'close-window':
      return void FakeBrowserWindow.fromId(command.windowId)?.close()
    case 'invoke': {
      // As the window's main frame would call: its webContents id and the URL it shows.
      const window = FakeBrowserWindow.fromId(command.windowId)
      const handler = ipcHandler(command.channel)
      const event = {
        sender: { id: window?.webContents.id ?? -1 },
        senderFrame: { url: window?.webContents.url ?? '', parent: null },
      }
      void Promise.resolve(handler ? handler(event, command.input) : 'no handler').then(
        (value) => report({ kind: 'reply', id: command.id, value }),
        (error: unknown) => report({ kind: 'reply', id: command.id, value: String(error) }),
      )
      return
    }
    default:
      return
  }
})
