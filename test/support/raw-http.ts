import { connect } from 'node:net'

/** How one raw exchange ended: the status line the server answered, or how the socket ended without one. */
export interface RawReply {
  /** The status code of the first response line, or null when none came. */
  status: number | null
  outcome: 'answered' | 'closed' | 'timeout' | 'error'
  /** Every byte the server sent before we stopped reading. */
  received: Buffer
}

export interface RawRequestOptions {
  /** Give up waiting for an answer after this long (the reply is then 'timeout'). */
  timeoutMs?: number
  /**
   * Half-close this long after writing when no answer came yet (default 250 ms), so a server waiting
   * for more body sees the end; null never does. Not at once: Node's server drops a request whose
   * client half-closed before its (asynchronous) answer was written.
   */
  endAfterMs?: number | null
  /** Keep reading after the status line until the server closes (default false: stop at the line). */
  readToClose?: boolean
}

const STATUS_LINE = /^HTTP\/1\.[01] (\d{3})/

/**
 * Writes bytes on a fresh TCP connection exactly as given: Node's HTTP client would refuse to send
 * most of what the fuzz suite sends (bad request lines, two Content-Lengths, raw NULs).
 */
export function rawRequest(
  port: number,
  data: Buffer | readonly Buffer[],
  options: RawRequestOptions = {},
): Promise<RawReply> {
  const { timeoutMs = 3_000, endAfterMs = 250, readToClose = false } = options
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let done = false
    const socket = connect({ host: '127.0.0.1', port })
    const finish = (outcome: RawReply['outcome']): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      clearTimeout(halfClose)
      socket.destroy()
      const received = Buffer.concat(chunks)
      const match = STATUS_LINE.exec(received.subarray(0, 16).toString('latin1'))
      resolve({ status: match ? Number(match[1]) : null, outcome: match ? 'answered' : outcome, received })
    }
    const timer = setTimeout(() => finish('timeout'), timeoutMs)
    let halfClose: NodeJS.Timeout | undefined
    socket.on('connect', () => {
      for (const part of Buffer.isBuffer(data) ? [data] : data) socket.write(part)
      if (endAfterMs !== null) halfClose = setTimeout(() => socket.end(), endAfterMs)
    })
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      if (!readToClose && Buffer.concat(chunks).includes('\r\n')) finish('answered')
    })
    socket.on('close', () => finish('closed'))
    socket.on('error', () => finish('error'))
  })
}

/** A well-formed request, for the checks that the server still answers. */
export function plainGet(port: number, path = '/', host = `127.0.0.1:${port}`): Buffer {
  return Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1')
}
