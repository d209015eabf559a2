import type { TelemetryBatch } from '../../../shared/domain/telemetry'
import { decodeMessage } from '../../../shared/ipc/wire-codec'
import type { CanvasScene } from './canvas-scene.mjs'

interface WireEvent {
  t: string
  name?: string
  payload?: unknown
}

/**
 * Receives batches in the browser host's wire format and applies them as the app's bridge does;
 * after the frame that drew them, tells the bench how many batches are on screen.
 */
export function connectWire(url: string, scene: CanvasScene): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.binaryType = 'arraybuffer'
    let received = 0
    let ackPending = false
    ws.onopen = () => resolve()
    ws.onerror = () => reject(new Error(`bench wire ${url} failed`))
    ws.onmessage = (message: MessageEvent<ArrayBuffer | string>) => {
      const decoded = decodeMessage(message.data) as WireEvent
      if (decoded.name !== 'telemetry:batch') return
      scene.apply(decoded.payload as TelemetryBatch)
      received++
      if (ackPending) return
      ackPending = true
      // Registered after the layer's own frame request, so it runs once the canvas holds this batch.
      requestAnimationFrame(() => {
        ackPending = false
        ws.send(JSON.stringify({ drawn: received }))
      })
    }
  })
}
