import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { ipcMain } from 'electron'
import type { EventName, EventPayload } from '../../../shared/ipc/contract'
import { CALL_CHANNELS } from '../../../shared/ipc/channels'
import type { CallHandlers } from '../../../core/app/call-handlers'
import { dispatchCall } from '../../../core/app/dispatch-call'
import type { EventSink } from '../../../core/app/event-hub'
import type { Logger } from '../../../core/logging/logger'

/**
 * The only module that touches ipcMain (lint enforces it). Every contract call is bound once; each
 * invocation is checked to come from one of our own windows' main frame, then validated by its schema.
 */
export function bindContractCalls(
  handlers: CallHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  logger: Logger,
): () => void {
  for (const channel of CALL_CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        logger.warn('refused a call from an untrusted frame', { channel, url: event.senderFrame?.url })
        return { ok: false, error: { code: 'forbidden', message: 'This window may not call Fleet Monitor.' } }
      }
      return dispatchCall(handlers, channel, input, logger)
    })
  }
  return () => CALL_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel))
}

/** Sends contract events to one window. */
export function webContentsSink(contents: WebContents): EventSink {
  return {
    send<K extends EventName>(name: K, payload: EventPayload<K>): void {
      if (!contents.isDestroyed()) contents.send(name, payload)
    },
    // Electron queues IPC inside Chromium; there is no backlog figure to read, so never hold back.
    isBackedUp: () => false,
  }
}
