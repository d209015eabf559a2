import { describe, expect, it } from 'vitest'
import { rendererEntryUrl } from '../windows/renderer-entry'
import type { InvokeSender } from './trusted-sender'
import { createTrustedSenderCheck } from './trusted-sender'

const built = rendererEntryUrl(null, '/opt/Fleet Monitor/resources/app.asar/out/main')
const dev = rendererEntryUrl('http://localhost:5173', '/ignored')

function call(url: string, options: { id?: number; parent?: unknown; noFrame?: boolean } = {}): InvokeSender {
  return {
    sender: { id: options.id ?? 1 },
    senderFrame: options.noFrame ? null : { url, parent: options.parent ?? null },
  }
}

describe('createTrustedSenderCheck', () => {
  const isTrusted = createTrustedSenderCheck(() => new Set([1, 2]), built)

  it('trusts the main frame of our window showing the built index.html, in either view', () => {
    expect(built).toBe('file:///opt/Fleet%20Monitor/resources/app.asar/out/renderer/index.html')
    expect(isTrusted(call(built))).toBe(true)
    expect(isTrusted(call(`${built}?view=map`, { id: 2 }))).toBe(true)
    expect(isTrusted(call(`${built}#top`))).toBe(true)
  })

  it('refuses any other file, even one beside index.html or a look-alike prefix', () => {
    for (const url of [
      'file:///opt/Fleet%20Monitor/resources/app.asar/out/renderer/other.html',
      'file:///opt/Fleet%20Monitor/resources/app.asar/out/renderer/index.html.evil.html',
      'file:///opt/Fleet%20Monitor/resources/app.asar/out/renderer/',
      'file:///tmp/index.html',
      'file:///home/user/Downloads/attack.html',
      'https://example.com/index.html',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrusted(call(url)), url).toBe(false)
    }
  })

  it('refuses frames of windows that are not ours, sub-frames, and calls with no frame', () => {
    expect(isTrusted(call(built, { id: 3 }))).toBe(false)
    expect(isTrusted(call(built, { parent: { url: built } }))).toBe(false)
    expect(isTrusted(call(built, { noFrame: true }))).toBe(false)
  })

  it('with the dev server, trusts its page only, not any page of that origin', () => {
    const isTrustedDev = createTrustedSenderCheck(() => new Set([1]), dev)
    expect(isTrustedDev(call('http://localhost:5173/'))).toBe(true)
    expect(isTrustedDev(call('http://localhost:5173/?view=map'))).toBe(true)
    expect(isTrustedDev(call('http://localhost:5173/@fs/etc/passwd'))).toBe(false)
    expect(isTrustedDev(call('http://localhost:5174/'))).toBe(false)
    expect(isTrustedDev(call('http://localhost:5173.evil.test/'))).toBe(false)
    expect(isTrustedDev(call(built))).toBe(false)
  })
})
