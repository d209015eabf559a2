import { isRendererEntry } from '../windows/renderer-entry'

/** What the check reads from an invoke event (an `IpcMainInvokeEvent` has it). */
export interface InvokeSender {
  sender: { id: number }
  senderFrame: { url: string; parent: unknown } | null
}

/**
 * A call is trusted when it comes from the main frame of a window we created while that frame shows
 * exactly our renderer's index.html (rendererEntryUrl), never from an iframe, a navigated page, or
 * another file beside it: a `file://` prefix would admit any local HTML file, an origin prefix any
 * page of the dev server.
 */
export function createTrustedSenderCheck(
  ownWebContentsIds: () => Set<number>,
  entryUrl: string,
): (event: InvokeSender) => boolean {
  return (event) => {
    if (!ownWebContentsIds().has(event.sender.id)) return false
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    return isRendererEntry(frame.url, entryUrl)
  }
}
