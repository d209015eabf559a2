// Helpers for the simulator's own tests (not a test file itself: vitest only collects *.test.ts).
import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Simulator } from '../../tools/simulator/types'

export interface ApiResponse {
  status: number
  headers: Headers
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown
}

export interface Envelope<T> {
  data: T
  requestId: string
}

export interface ErrorEnvelope {
  error: { code: string; message: string }
  requestId: string
}

export interface LoginData {
  accessToken: string
  renewToken: string
  tokenType?: string
  expiresIn: number
}

/** Calls the simulator like a client would: path relative to apiBaseUrl unless it starts with '/__sim'. */
export async function call(
  sim: Simulator,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<ApiResponse> {
  const base = path.startsWith('/__sim') ? sim.url : sim.apiBaseUrl
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  const res = await fetch(`${base}${path}`, { method, headers, body })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // keep the raw text: some tests expect malformed bodies
  }
  return { status: res.status, headers: res.headers, body: parsed }
}

export async function login(sim: Simulator, email?: string, password?: string): Promise<LoginData> {
  const res = await call(sim, 'POST', '/auth/login', {
    body: { email: email ?? sim.credentials.email, password: password ?? sim.credentials.password },
  })
  if (res.status !== 200) throw new Error(`login failed with ${res.status}`)
  return (res.body as Envelope<LoginData>).data
}

export const errorCode = (res: ApiResponse): string | undefined =>
  (res.body as Partial<ErrorEnvelope>).error?.code

export interface ReceivedPost {
  headers: IncomingHttpHeaders
  raw: Buffer
}

/** A local webhook listener that records every POST and answers `status` (default 200). */
export async function startReceiver(status = 200): Promise<{
  url: string
  posts: ReceivedPost[]
  setStatus(code: number): void
  close(): Promise<void>
}> {
  const posts: ReceivedPost[] = []
  let answer = status
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      posts.push({ headers: req.headers, raw: Buffer.concat(chunks) })
      res.writeHead(answer).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/tagora/events`,
    posts,
    setStatus: (code) => void (answer = code),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
