import { describe, expect, it, vi } from 'vitest'
import { assertStaysOnServer, joinUrl, sendRequest } from './http'

describe('a request goes only where the user gave the credential', () => {
  it('refuses a plain-http base URL to another computer before calling fetch', async () => {
    const fetchSpy = vi.fn<typeof fetch>()
    const sent = sendRequest(fetchSpy, 'http://vendor.example.com', { method: 'POST', path: '/token' }, {})
    await expect(sent).rejects.toMatchObject({ code: 'insecure-url' })
    await expect(sent).rejects.toHaveProperty(
      'message',
      expect.stringMatching(/^This address uses plain http:\/\//),
    )
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('sends to https and to plain http on this computer', async () => {
    const fetchSpy = vi.fn<typeof fetch>(() => Promise.resolve(new Response('{}', { status: 200 })))
    await sendRequest(fetchSpy, 'https://vendor.example.com/api', { method: 'GET', path: '/ping' }, {})
    await sendRequest(fetchSpy, 'http://127.0.0.1:4000', { method: 'GET', path: '/ping' }, {})
    expect(fetchSpy.mock.calls.map(([url]) => url as string)).toEqual([
      'https://vendor.example.com/api/ping',
      'http://127.0.0.1:4000/ping',
    ])
  })

  it('joins a hostile path override onto the base URL’s own server', () => {
    for (const path of ['//evil.example.com/x', '/\\evil.example.com', '/@evil.example.com'])
      expect(new URL(joinUrl('https://vendor.example.com', path)).host).toBe('vendor.example.com')
  })

  it('refuses a joined URL on another server, with info said in any language (the code alone)', () => {
    let thrown: unknown
    try {
      assertStaysOnServer('https://vendor.example.com', 'https://evil.example.com/x', 'GET /x')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toMatchObject({ code: 'leaves-server' })
    expect((thrown as { toInfo(): unknown }).toInfo()).toEqual({ code: 'leaves-server' })
    expect(() =>
      assertStaysOnServer('https://v.example.com/a', 'https://v.example.com/a/b', 'GET'),
    ).not.toThrow()
  })
})
