import type { Server } from 'node:http'
import { WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import { encodeMessage } from '../../shared/ipc/wire-codec'
import type { TelemetryBatch } from '../../shared/domain/telemetry'
import { monoMs } from '../lib/stats'

export const WIRE_PATH = '/bench-wire'

/**
 * Carries batches to the bench page in the browser host's wire format (wire-codec, one binary frame
 * per batch) and records when the page reports each batch drawn. Batch i is the i-th one sent.
 */
export interface BatchWire {
  connected: Promise<void>
  send(batch: TelemetryBatch): void
  sentAt: number[]
  drawnAt: number[]
  close(): void
}

export function attachBatchWire(server: Server): BatchWire {
  const wss = new WebSocketServer({ server, path: WIRE_PATH })
  const sentAt: number[] = []
  const drawnAt: number[] = []
  let socket: WebSocket | null = null
  const connected = new Promise<void>((resolve) => {
    wss.once('connection', (ws) => {
      socket = ws
      ws.on('message', (data: Buffer) => {
        const { drawn } = JSON.parse(data.toString()) as { drawn: number }
        const at = monoMs()
        for (let i = drawnAt.length; i < drawn; i++) drawnAt.push(at)
      })
      resolve()
    })
  })
  return {
    connected,
    send(batch) {
      if (!socket) throw new Error('bench page is not connected to the wire')
      socket.send(encodeMessage({ t: 'event', name: 'telemetry:batch', payload: batch }))
      sentAt.push(monoMs())
    },
    sentAt,
    drawnAt,
    close: () => {
      for (const client of wss.clients) client.terminate()
      wss.close()
    },
  }
}
