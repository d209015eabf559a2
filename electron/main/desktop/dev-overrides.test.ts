import { describe, expect, it } from 'vitest'
import { devOverrides } from './dev-overrides'

describe('devOverrides', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }

  it('takes the dev server and DevTools in an unpackaged run', () => {
    expect(devOverrides(false, env)).toEqual({ rendererUrl: 'http://localhost:5173', devTools: true })
    expect(devOverrides(false, {})).toEqual({ rendererUrl: null, devTools: true })
  })

  it('ignores ELECTRON_RENDERER_URL and turns DevTools off in the packaged app', () => {
    expect(devOverrides(true, env)).toEqual({ rendererUrl: null, devTools: false })
    expect(devOverrides(true, { ELECTRON_RENDERER_URL: 'https://evil.test/' })).toEqual({
      rendererUrl: null,
      devTools: false,
    })
  })

  it('ignores a renderer URL that is not an http(s) page', () => {
    for (const url of ['file:///tmp/evil.html', 'javascript:alert(1)', 'http://', '']) {
      expect(devOverrides(false, { ELECTRON_RENDERER_URL: url }).rendererUrl, url).toBeNull()
    }
  })
})
