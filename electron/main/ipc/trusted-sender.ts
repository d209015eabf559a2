import type { IpcMainInvokeEvent } from 'electron'

/**
 * A call is trusted when it comes from the main frame of a window we created, showing our own
 * renderer (file:// build or the electron-vite dev server), never from an iframe or a navigated page.
 */
export function createTrustedSenderCheck(
  ownWebContentsIds: () => Set<number>,
  rendererOrigin: string | null,
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    if (!ownWebContentsIds().has(event.sender.id)) return false
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    const url = frame.url
    if (rendererOrigin) return url.startsWith(rendererOrigin)
    return url.startsWith('file://')
  }
}
