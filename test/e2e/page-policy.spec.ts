import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, openDesk, test } from './desk/desk-test'
import type { RunningDesk } from './desk/desk-test'

let desk: RunningDesk

test.beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-data-'))
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({ map: { tileUrl: 'https://{s}.tiles.example.test/{z}/{x}/{y}.png' } }),
  )
  desk = await openDesk({ dataDir, visit: false })
})

test.afterAll(async () => {
  await desk?.close()
})

test('the page reaches its own host and the configured tile server, and nothing else', async () => {
  const response = await desk.visit()
  const policy = response?.headers()['content-security-policy'] ?? ''
  expect(policy).toContain("img-src 'self' data: blob: https://*.tiles.example.test;")
  expect(policy).toContain(`ws://127.0.0.1:${new URL(desk.host.origin).port}`)
  // The app itself still works under the policy: its snapshot arrives over the contract socket.
  await expect(desk.header.session).toHaveState('signed-out')

  // A string, as the page's DOM types are not in the test's program.
  const violations = await desk.page.evaluate<Array<{ uri: string; directive: string }>>(`(async () => {
    const seen = []
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ uri: e.blockedURI, directive: e.effectiveDirective }),
    )
    new Image().src = 'https://a.tiles.example.test/5/7/14.png'
    new Image().src = 'https://elsewhere.example.test/pixel.png'
    try {
      new WebSocket('ws://127.0.0.1:9/').onerror = () => undefined
    } catch {}
    await fetch('https://elsewhere.example.test/collect').catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    return seen
  })()`)
  // Directives that refused a URL (once each: the meta tag's policy may refuse it too).
  const blocked = (prefix: string) => [
    ...new Set(violations.filter((v) => v.uri.startsWith(prefix)).map((v) => v.directive)),
  ]
  expect(blocked('https://a.tiles.example.test')).toEqual([])
  expect(blocked('https://elsewhere.example.test/pixel')).toEqual(['img-src'])
  expect(blocked('ws://127.0.0.1:9')).toEqual(['connect-src'])
  expect(blocked('https://elsewhere.example.test/collect')).toEqual(['connect-src'])
})
