import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer } from 'vite'
import type { UserConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import config from '../../electron.vite.config'
import { inlineScriptSources } from '../../scripts/build/dev-page-policy'

const ROOT = join(import.meta.dirname, '../..')

/** The script-src of the page's meta policy. */
function scriptSrc(html: string): string[] {
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? ''
  return (/script-src ([^;]*)/.exec(policy)?.[1] ?? '').trim().split(/\s+/)
}

describe('the renderer page policy under the dev server (npm run dev)', () => {
  it('admits exactly the inline scripts the dev server adds (React refresh), so the window is not blank', async () => {
    const renderer = (config as { renderer: UserConfig }).renderer
    const server = await createServer({
      ...renderer,
      root: join(ROOT, 'renderer'),
      configFile: false,
      logLevel: 'silent',
      server: { middlewareMode: true, ws: false },
    })
    try {
      const source = readFileSync(join(ROOT, 'renderer/index.html'), 'utf8')
      const html = await server.transformIndexHtml('/index.html', source)
      const inline = inlineScriptSources(html)
      expect(inline.length).toBeGreaterThan(0)
      expect(scriptSrc(html)).toEqual(["'self'", ...inline])
      expect(scriptSrc(html)).not.toContain("'unsafe-inline'")
    } finally {
      await server.close()
    }
  })

  it('leaves the built page at script-src ’self’', () => {
    const built = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8')
    expect(inlineScriptSources(built)).toEqual([])
    expect(scriptSrc(built)).toEqual(["'self'"])
  })
})
