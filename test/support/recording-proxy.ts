import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Simulator } from '../../tools/simulator/simulator'

export interface RecordingProxy {
  apiBaseUrl: string
  /** Every accessToken and renewToken the server handed out. */
  tokens: Set<string>
  renewals(): number
  close(): Promise<void>
}

/** Sits between the app and the simulator and remembers every token issued, so the test knows what to look for. */
export async function startRecordingProxy(sim: Simulator): Promise<RecordingProxy> {
  const tokens = new Set<string>()
  let renewals = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks)
        const headers: Record<string, string> = {}
        for (const name of ['content-type', 'authorization']) {
          const value = req.headers[name]
          if (typeof value === 'string') headers[name] = value
        }
        const upstream = await fetch(`${sim.url}${req.url ?? '/'}`, {
          method: req.method ?? 'GET',
          headers,
          ...(body.length > 0 && { body }),
        })
        const text = await upstream.text()
        if (req.url?.endsWith('/auth/renew')) renewals += 1
        try {
          const data = (JSON.parse(text) as { data?: Record<string, unknown> }).data
          for (const key of ['accessToken', 'renewToken']) {
            const token = data?.[key]
            if (typeof token === 'string') tokens.add(token)
          }
        } catch {
          // Not JSON: nothing to record.
        }
        const forward: Record<string, string> = {}
        for (const name of ['content-type', 'date', 'x-request-id']) {
          const value = upstream.headers.get(name)
          if (value) forward[name] = value
        }
        res.writeHead(upstream.status, forward)
        res.end(text)
      })().catch(() => {
        res.writeHead(502)
        res.end()
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    apiBaseUrl: `http://127.0.0.1:${port}/integration/v1`,
    tokens,
    renewals: () => renewals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
