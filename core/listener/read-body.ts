import type { IncomingMessage } from 'node:http'

export type BodyResult =
  | { kind: 'ok'; body: Buffer }
  | { kind: 'too-large'; received: number }
  | { kind: 'timeout'; received: number }
  | { kind: 'aborted' }
  | { kind: 'evicted'; received: number }

/**
 * Reads the raw body (the signature covers these exact bytes) with a size cap and a deadline. Stops
 * reading at the first byte past the cap, so an oversized or endless body costs at most the cap.
 * Real timers, not the injected Clock: these deadlines guard real sockets.
 */
export function readBody(
  req: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
  /** Receives the function that ends this read early, when the listener needs its room (load-shedder.ts). */
  exposeEvict?: (evict: () => void) => void,
): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let received = 0
    const finish = (result: BodyResult): void => {
      clearTimeout(timer)
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onAbort)
      req.off('close', onAbort)
      if (result.kind !== 'ok') req.pause()
      resolve(result)
    }
    const onData = (chunk: Buffer): void => {
      received += chunk.length
      if (received > maxBytes) finish({ kind: 'too-large', received })
      else chunks.push(chunk)
    }
    const onEnd = (): void => finish({ kind: 'ok', body: Buffer.concat(chunks, received) })
    const onAbort = (): void => finish({ kind: 'aborted' })
    const timer = setTimeout(() => finish({ kind: 'timeout', received }), timeoutMs)
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onAbort)
    req.on('close', onAbort)
    exposeEvict?.(() => finish({ kind: 'evicted', received }))
  })
}
