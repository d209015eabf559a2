import WebSocket from 'ws'
import type { RawData } from 'ws'
import type { CallOutcome } from '../../shared/domain/errors'
import { describe } from '../../shared/errors/describe'
import type { CallInput, CallName, CallResult } from '../../shared/ipc/contract'
import { decodeMessage, encodeMessage } from '../../shared/ipc/wire-codec'
import type { ServerMessage } from '../../shared/ipc/wire-protocol'
import { WIRE_PATH } from '../../shared/ipc/wire-protocol'

/** Bytes of a received message, whatever shape ws handed it over in. */
export function messageBytes(data: RawData): Buffer {
  return Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
}

/**
 * The contract as a tab speaks it, over the `ws` client: the fuzz suite reads the app's own state
 * through it (listener counters, positions) and sends its wire-level inputs on it; the end-to-end
 * tests read facts the page does not show (the demo simulator's address).
 */
export class ContractClient {
  private nextId = 1
  private readonly pending = new Map<number, (outcome: CallOutcome<unknown>) => void>()
  readonly closed: Promise<number>

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const bytes = messageBytes(data)
      const message = decodeMessage(
        isBinary ? new Uint8Array(bytes) : bytes.toString('utf8'),
      ) as ServerMessage
      if (message.t !== 'result') return
      this.pending.get(message.id)?.(message.outcome)
      this.pending.delete(message.id)
    })
    // A close the fuzz input caused is expected; the close code says which.
    ws.on('error', () => undefined)
    this.closed = new Promise((resolve) =>
      ws.once('close', (code) => {
        for (const resolvePending of this.pending.values())
          resolvePending({
            ok: false,
            error: { code: 'host-disconnected', facts: { detail: `socket closed (${code})` } },
          })
        this.pending.clear()
        resolve(code)
      }),
    )
  }

  static open(origin: string, secret: string): Promise<ContractClient> {
    const url = `${origin.replace(/^http/, 'ws')}${WIRE_PATH}?secret=${encodeURIComponent(secret)}`
    const ws = new WebSocket(url, { origin, maxPayload: 256 * 1024 * 1024 })
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new ContractClient(ws)))
      ws.once('error', reject)
    })
  }

  get inFlight(): number {
    return this.pending.size
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  /** One call with any name and input; resolves with the outcome, or a 'host-disconnected' error. */
  call(name: unknown, input?: unknown): Promise<CallOutcome<unknown>> {
    const id = this.nextId++
    return this.sendRaw(id, encodeMessage({ t: 'call', id, name, input }))
  }

  /** One call as the contract declares it; a refused call throws with the app's own error. */
  async request<K extends CallName>(name: K, input?: CallInput<K>): Promise<CallResult<K>> {
    const outcome = await this.call(name, input)
    if (!outcome.ok) throw new Error(`${name} failed: ${describe(outcome.error, 'en')}`)
    return outcome.value as CallResult<K>
  }

  /** Sends an already encoded call frame whose id is `id`, and waits for its result. */
  sendRaw(id: number, frame: string | Uint8Array): Promise<CallOutcome<unknown>> {
    return new Promise((resolve) => {
      if (!this.isOpen)
        return resolve({ ok: false, error: { code: 'host-disconnected', facts: { detail: 'not open' } } })
      this.pending.set(id, resolve)
      this.ws.send(frame)
    })
  }

  takeId(): number {
    return this.nextId++
  }

  close(): void {
    this.ws.terminate()
  }
}
