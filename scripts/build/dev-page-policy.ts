import { createHash } from 'node:crypto'
import type { Plugin } from 'vite'

const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi
const POLICY_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i

/** CSP sources for each inline script of the page: `'sha256-…'` of its exact text. */
export function inlineScriptSources(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`,
  )
}

/**
 * The page with its meta policy's `script-src` widened by exactly its own inline scripts. The dev
 * server injects one (React refresh's preamble) that `script-src 'self'` blocks, which left a blank
 * window; hashes admit that script and nothing else, where 'unsafe-inline' would admit any.
 */
export function admitInlineScripts(html: string): string {
  const sources = inlineScriptSources(html)
  if (sources.length === 0) return html
  return html.replace(POLICY_META, (_whole, open: string, policy: string, close: string) => {
    const widened = policy.replace(/script-src ([^;]*)/, (_directive, list: string) =>
      ['script-src', list.trim(), ...sources].join(' '),
    )
    return `${open}${widened}${close}`
  })
}

/**
 * The dev server's page policy (`npm run dev` only: `apply: 'serve'`). The built page keeps
 * `script-src 'self'` untouched, and Electron sends its narrow policy as a header on top of it.
 */
export function devPagePolicy(): Plugin {
  return {
    name: 'fleet-monitor:dev-page-policy',
    apply: 'serve',
    transformIndexHtml: { order: 'post', handler: admitInlineScripts },
  }
}
