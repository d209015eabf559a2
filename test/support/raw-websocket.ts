import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import type { Socket } from 'node:net'

/** One WebSocket frame as bytes, including the broken ones a real client library never sends. */
export interface FrameSpec {
  opcode: number
  payload?: Buffer
  fin?: boolean
  /** RSV1-3 bits (0-7): set without an extension that defines them, a protocol error. */
  rsv?: number
  /** Clients must mask; an unmasked client frame is a protocol error. Default true. */
  mask?: boolean
  /** Claim this payload length in the header instead of the real one (oversized or lying frames). */
  declaredLength?: number
}

export function encodeFrame(spec: FrameSpec): Buffer {
  const payload = spec.payload ?? Buffer.alloc(0)
  const length = spec.declaredLength ?? payload.length
  const mask = spec.mask ?? true
  const first = ((spec.fin ?? true) ? 0x80 : 0) | (((spec.rsv ?? 0) & 7) << 4) | (spec.opcode & 0x0f)
  let header: Buffer
  if (length < 126) {
    header = Buffer.from([first, (mask ? 0x80 : 0) | length])
  } else if (length < 65536) {
    header = Buffer.alloc(4)
    header.writeUInt16BE(length, 2)
    header[1] = (mask ? 0x80 : 0) | 126
  } else {
    header = Buffer.alloc(10)
    header.writeBigUInt64BE(BigInt(length), 2)
    header[1] = (mask ? 0x80 : 0) | 127
  }
  header[0] = first
  if (!mask) return Buffer.concat([header, payload])
  const key = randomBytes(4)
  const masked = Buffer.from(payload)
  for (let i = 0; i < masked.length; i++) masked[i] = masked[i]! ^ key[i & 3]!
  return Buffer.concat([header, key, masked])
}

/** The upgrade request a browser tab sends, with every part overridable (or removable with null). */
export function upgradeRequest(
  port: number,
  options: { path?: string; headers?: Record<string, string | null> } = {},
): Buffer {
  const headers: Record<string, string | null> = {
    Host: `127.0.0.1:${port}`,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    'Sec-WebSocket-Version': '13',
    Origin: `http://127.0.0.1:${port}`,
    ...options.headers,
  }
  const lines = Object.entries(headers)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `${name}: ${value}`)
  return Buffer.from(`GET ${options.path ?? '/contract'} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1')
}

/** What the server did with a raw WebSocket session: its handshake status and the close code it sent. */
export interface RawSocketResult {
  status: number | null
  /** Status code of the server's close frame, if it sent one. */
  closeCode: number | null
  outcome: 'closed' | 'timeout' | 'error'
}

/**
 * Sends an upgrade request and then `frames` on one raw connection, and reports the handshake status
 * and the server's close frame. The socket is half-closed after writing, so a server waiting for the
 * rest of a frame sees the end instead of waiting forever.
 */
export function rawWebSocketSession(
  port: number,
  upgrade: Buffer,
  frames: readonly Buffer[],
  timeoutMs = 2_000,
): Promise<RawSocketResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let done = false
    const socket: Socket = connect({ host: '127.0.0.1', port })
    const finish = (outcome: RawSocketResult['outcome']): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ ...readServerReply(Buffer.concat(chunks)), outcome })
    }
    const timer = setTimeout(() => finish('timeout'), timeoutMs)
    socket.on('connect', () => {
      socket.write(upgrade)
      for (const frame of frames) socket.write(frame)
      socket.end()
    })
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('close', () => finish('closed'))
    socket.on('error', () => finish('error'))
  })
}

/** Reads the handshake status line and, after a 101, the first close frame among the server's frames. */
export function readServerReply(bytes: Buffer): { status: number | null; closeCode: number | null } {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(bytes.subarray(0, 16).toString('latin1'))
  const status = match ? Number(match[1]) : null
  const headerEnd = bytes.indexOf('\r\n\r\n')
  if (status !== 101 || headerEnd === -1) return { status, closeCode: null }
  let at = headerEnd + 4
  while (at + 2 <= bytes.length) {
    const opcode = bytes[at]! & 0x0f
    let length = bytes[at + 1]! & 0x7f
    let start = at + 2
    if (length === 126) {
      if (start + 2 > bytes.length) break
      length = bytes.readUInt16BE(start)
      start += 2
    } else if (length === 127) {
      if (start + 8 > bytes.length) break
      length = Number(bytes.readBigUInt64BE(start))
      start += 8
    }
    if (opcode === 0x8) return { status, closeCode: length >= 2 ? bytes.readUInt16BE(start) : 1005 }
    at = start + length
  }
  return { status, closeCode: null }
}
