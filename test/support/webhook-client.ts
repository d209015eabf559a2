import { request } from 'node:http'
import { connect } from 'node:net'
import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

/** Helpers for listener tests: a real ed25519 key pair and a raw HTTP client. */
export interface TestKeys {
  publicKey: KeyObject
  sign(body: Buffer): string
}

export function createTestKeys(): TestKeys {
  const pair = generateKeyPairSync('ed25519')
  // As the app does: the PEM from POST /webhook becomes a KeyObject once.
  const publicKey = createPublicKey(pair.publicKey.export({ type: 'spki', format: 'pem' }))
  return { publicKey, sign: (body) => 'ed25519=' + sign(null, body, pair.privateKey).toString('base64') }
}

export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export interface PostOptions {
  port: number
  path?: string
  method?: string
  headers?: Record<string, string>
  body?: Buffer | string
}

/** Sends one request; resolves with the reply, or with `error` when the server cut the connection first. */
export function send(options: PostOptions): Promise<Reply | { error: string }> {
  return new Promise((resolve) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body)
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path ?? '/tagora/events',
        method: options.method ?? 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        )
      },
    )
    req.on('error', (error) => resolve({ error: error.message }))
    req.end(body)
  })
}

/** Writes raw bytes in timed pieces on a plain socket; resolves with whatever the server answered. */
export function dripRaw(port: number, pieces: string[], everyMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    let index = 0
    const timer = setInterval(() => {
      const piece = pieces[index++]
      if (piece === undefined || socket.destroyed) return clearInterval(timer)
      socket.write(piece)
    }, everyMs)
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('error', () => undefined)
    // A listener that never answers must fail the test, not hang it.
    socket.setTimeout(5000, () => socket.destroy())
    socket.on('close', () => {
      clearInterval(timer)
      resolve(answer)
    })
  })
}
