import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { preferredLanguage, serveOneTimeLink } from './one-time-link-handler'
import { MAX_PENDING_LINKS, ONE_TIME_PREFIX, ONE_TIME_TTL_MS, OneTimeRedirects } from './one-time-redirects'

const PORTAL = 'https://video-agent.8x8.com/?user=agent.one&token=SECRET-AUTH-TOKEN'
let server: Server | null = null

afterEach(async () => {
  const current = server
  server = null
  await new Promise<void>((resolve) => (current ? current.close(() => resolve()) : resolve()))
})

async function serve(redirects: OneTimeRedirects): Promise<string> {
  server = createServer((req, res) =>
    serveOneTimeLink(req, res, new URL(req.url ?? '/', 'http://x').pathname, redirects),
  )
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`
}

describe('one-time links to the Agent Portal', () => {
  it('redirect once, with no cache and no referrer; the page only ever holds the nonce', async () => {
    const redirects = new OneTimeRedirects()
    const base = await serve(redirects)
    const link = redirects.mint(PORTAL)
    expect(link.path).toMatch(new RegExp(`^${ONE_TIME_PREFIX}[\\w-]{43}$`))
    expect(link.path).not.toContain('SECRET')
    const first = await fetch(base + link.path, { redirect: 'manual' })
    expect(first.status).toBe(302)
    expect(first.headers.get('location')).toBe(PORTAL)
    expect(first.headers.get('cache-control')).toBe('no-store')
    expect(first.headers.get('referrer-policy')).toBe('no-referrer')
    const again = await fetch(base + link.path, {
      redirect: 'manual',
      headers: { 'Accept-Language': 'es-MX,es;q=0.9' },
    })
    expect(again.status).toBe(410)
    const page = await again.text()
    expect(page).not.toContain('SECRET')
    expect(page.indexOf('Este enlace')).toBeLessThan(page.indexOf('This Agent Portal link'))
    expect(again.headers.get('content-security-policy')).toBe("default-src 'none'")
  })

  it('an unknown, expired or non-GET link leads nowhere', async () => {
    let now = 1_000_000
    const redirects = new OneTimeRedirects(() => now)
    const base = await serve(redirects)
    expect((await fetch(`${base}${ONE_TIME_PREFIX}guess`, { redirect: 'manual' })).status).toBe(410)
    const link = redirects.mint(PORTAL)
    expect((await fetch(base + link.path, { method: 'POST', redirect: 'manual' })).status).toBe(405)
    now += ONE_TIME_TTL_MS
    expect((await fetch(base + link.path, { redirect: 'manual' })).status).toBe(410)
    expect(redirects.size).toBe(0)
  })

  it('keeps at most a few links waiting: the oldest goes first', () => {
    const redirects = new OneTimeRedirects()
    const first = redirects.mint(PORTAL)
    for (let i = 0; i < MAX_PENDING_LINKS; i += 1) redirects.mint(`${PORTAL}&n=${i}`)
    expect(redirects.size).toBe(MAX_PENDING_LINKS)
    expect(redirects.take(first.path)).toBeNull()
  })

  it('reads the reader’s language as the app does: any Spanish is es-MX', () => {
    expect(preferredLanguage('es-AR,es;q=0.9')).toBe('es-MX')
    expect(preferredLanguage('en-US,es;q=0.5')).toBe('en')
    expect(preferredLanguage(undefined)).toBe('en')
  })
})
