import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { browserHostPagePolicy } from './page-policy'
import { createStaticHandler } from './static-files'

let server: Server | null = null

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

async function serve(tileUrl: () => string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'fleet-static-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>')
  writeFileSync(join(root, 'app.js'), 'void 0')
  const handle = createStaticHandler(root, browserHostPagePolicy(tileUrl))
  const started = createServer(
    (req, res) => void handle(req, res, new URL(req.url ?? '/', 'http://x').pathname),
  )
  server = started
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(started.address() as AddressInfo).port}`
}

function directive(policy: string | null, name: string): string | undefined {
  return policy
    ?.split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1)
}

describe('the static handler’s Content-Security-Policy', () => {
  it('names this server’s own origin and the tile server the settings hold at each request', async () => {
    let tileUrl = 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png'
    const base = await serve(() => tileUrl)
    const port = new URL(base).port

    const first = (await fetch(`${base}/`)).headers.get('content-security-policy')
    expect(directive(first, 'connect-src')).toBe(
      `'self' http://127.0.0.1:${port} ws://127.0.0.1:${port} http://localhost:${port} ws://localhost:${port}`,
    )
    expect(directive(first, 'img-src')).toBe("'self' data: blob: https://*.tile.openstreetmap.org")
    expect(directive(first, 'frame-ancestors')).toBe("'none'")

    tileUrl = 'https://tiles.example.net/{z}/{x}/{y}.png'
    const after = (await fetch(`${base}/index.html`)).headers.get('content-security-policy')
    expect(directive(after, 'img-src')).toBe("'self' data: blob: https://tiles.example.net")
  })

  it('allows no tile server at all when the template cannot be expressed, and no wildcard images', async () => {
    const base = await serve(() => '//{s}.tiles.example.net/{z}/{x}/{y}.png')
    const policy = (await fetch(`${base}/app.js`)).headers.get('content-security-policy')
    expect(directive(policy, 'img-src')).toBe("'self' data: blob:")
  })
})
