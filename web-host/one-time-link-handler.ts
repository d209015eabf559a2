import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe } from '../shared/errors/describe'
import type { ErrorLanguage } from '../shared/errors/catalog'
import type { OneTimeRedirects } from './one-time-redirects'

/**
 * Answers `/video-portal/<nonce>`: a 302 to the target the first time (no cache, no referrer sent on), a
 * short page in the reader's language (then the other) once the link is taken or expired.
 */
export function serveOneTimeLink(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  redirects: OneTimeRedirects,
): void {
  if (req.method !== 'GET') {
    res.writeHead(405, { Allow: 'GET' }).end()
    return
  }
  const target = redirects.take(pathname)
  const common = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }
  if (target) {
    res.writeHead(302, { ...common, Location: target }).end()
    return
  }
  res
    .writeHead(410, {
      ...common,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
    })
    .end(usedLinkPage(preferredLanguage(req.headers['accept-language'])))
}

/** The renderer's rule: any Spanish is es-MX, anything else English. */
export function preferredLanguage(acceptLanguage: string | undefined): ErrorLanguage {
  return /^\s*es\b/i.test(acceptLanguage ?? '') ? 'es-MX' : 'en'
}

function usedLinkPage(first: ErrorLanguage): string {
  const order: ErrorLanguage[] = first === 'en' ? ['en', 'es-MX'] : ['es-MX', 'en']
  const paragraphs = order
    .map((lang) => `<p lang="${lang}">${escapeHtml(describe({ code: 'video-link-used' }, lang))}</p>`)
    .join('\n')
  return `<!doctype html>\n<meta charset="utf-8">\n<title>Fleet Monitor</title>\n${paragraphs}\n`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
