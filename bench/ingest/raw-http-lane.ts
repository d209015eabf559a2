import net from 'node:net'

const HEADER_END = Buffer.from('\r\n\r\n')
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i

/**
 * One keep-alive connection that sends pre-built HTTP/1.1 requests one at a time and reads just enough
 * of each answer (status line, Content-Length, body) to know it is complete, like wrk does. Node's
 * http client costs more CPU per request than the listener under test, and here both share two cores.
 */
export class RawHttpLane {
  private buffered: Buffer = Buffer.alloc(0)
  private waiting: ((status: number) => void) | null = null
  private failure: ((error: Error) => void) | null = null

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true)
    socket.on('data', (chunk: Buffer) => this.onData(chunk))
    socket.on('error', (error) => this.failure?.(error))
    socket.on('close', () => this.failure?.(new Error('connection closed')))
  }

  static connect(port: number): Promise<RawHttpLane> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => resolve(new RawHttpLane(socket)))
      socket.once('error', reject)
    })
  }

  /** Sends one request; resolves with its status code (0 when the connection failed). */
  send(request: Buffer): Promise<number> {
    return new Promise((resolve) => {
      this.waiting = resolve
      this.failure = () => resolve(0)
      this.socket.write(request)
    })
  }

  close(): void {
    this.failure = null
    this.socket.destroy()
  }

  private onData(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk])
    const headerEnd = this.buffered.indexOf(HEADER_END)
    if (headerEnd < 0) return
    const head = this.buffered.toString('latin1', 0, headerEnd)
    const length = Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0)
    const total = headerEnd + HEADER_END.length + length
    if (this.buffered.length < total) return
    this.buffered = this.buffered.subarray(total)
    const resolve = this.waiting
    this.waiting = null
    resolve?.(Number(head.slice(9, 12)))
  }
}

/** The bytes of one signed webhook POST, built before the clock starts. */
export function buildRequest(port: number, path: string, body: Buffer, signature: string): Buffer {
  const head =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${body.length}\r\nX-Tagora-Signature: ${signature}\r\nConnection: keep-alive\r\n\r\n`
  return Buffer.concat([Buffer.from(head, 'latin1'), body])
}
