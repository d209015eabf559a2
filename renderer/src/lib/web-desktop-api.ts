import type { CallOutcome } from '../../../shared/domain/errors'
import type { CallInput, CallName, CallResult, EventName, EventPayload } from '../../../shared/ipc/contract'
import type { DesktopApi } from '../../../shared/ipc/desktop-api'
import { decodeMessage, encodeMessage } from '../../../shared/ipc/wire-codec'
import type { ServerMessage } from '../../../shared/ipc/wire-protocol'
import { WIRE_PATH } from '../../../shared/ipc/wire-protocol'

type Listener = (payload: unknown) => void

/**
 * The DesktopApi over the browser host's WebSocket. The per-launch secret comes from the page URL's
 * fragment (never sent in an HTTP request). Reconnects with backoff; on reconnect it fires the
 * 'transport:reconnected' hook so the app re-reads its snapshot.
 */
export function createWebDesktopApi(location: Location, onReconnected: () => void): DesktopApi {
  const secret = new URLSearchParams(location.hash.slice(1)).get('secret') ?? ''
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WIRE_PATH}?secret=${encodeURIComponent(secret)}`
  const listeners = new Map<string, Set<Listener>>()
  const pending = new Map<number, (outcome: CallOutcome<unknown>) => void>()
  let nextId = 1
  let socket: WebSocket | null = null
  let opened: Promise<WebSocket> | null = null
  let connectedOnce = false
  let retryMs = 250

  const handleMessage = (event: MessageEvent<string | ArrayBuffer>): void => {
    const message = decodeMessage(event.data) as ServerMessage
    if (message.t === 'result') {
      pending.get(message.id)?.(message.outcome)
      pending.delete(message.id)
    } else {
      listeners.get(message.name)?.forEach((listener) => listener(message.payload))
    }
  }

  const failPending = (): void => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'host-disconnected' } })
    pending.clear()
  }

  const connect = (): Promise<WebSocket> => {
    opened ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl)
      ws.binaryType = 'arraybuffer'
      ws.onmessage = handleMessage
      ws.onopen = () => {
        socket = ws
        retryMs = 250
        if (connectedOnce) onReconnected()
        connectedOnce = true
        resolve(ws)
      }
      ws.onclose = () => {
        socket = null
        opened = null
        failPending()
        reject(new Error('The Fleet Monitor host refused or closed the connection.'))
        // Keep trying: the host may be restarting. Calls made meanwhile fail fast with a clear error.
        setTimeout(() => void connect().catch(() => undefined), retryMs)
        retryMs = Math.min(retryMs * 2, 5000)
      }
    })
    return opened
  }

  void connect().catch(() => undefined)

  return {
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutcome<CallResult<K>>> {
      let ws: WebSocket
      try {
        ws = socket ?? (await connect())
      } catch {
        return { ok: false, error: { code: 'host-disconnected' } }
      }
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, resolve as (outcome: CallOutcome<unknown>) => void)
        ws.send(encodeMessage({ t: 'call', id, name, input }))
      })
    },
    on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
      const set = listeners.get(name) ?? new Set<Listener>()
      listeners.set(name, set)
      set.add(listener as Listener)
      return () => set.delete(listener as Listener)
    },
  }
}
