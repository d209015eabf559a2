import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/**
 * Serves the built renderer read-only; never a file outside its folder. `pathname` is the decoded
 * path the host's request guards already checked (request-guards.ts).
 */
export function createStaticHandler(
  rootDir: string,
  /** The page's Content-Security-Policy for this request (page-policy.ts): it follows the settings. */
  pagePolicy: (req: IncomingMessage) => string,
): (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> {
  const root = normalize(rootDir + sep)
  return async (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    const relative = pathname === '/' ? 'index.html' : pathname.slice(1)
    const filePath = normalize(join(root, relative))
    if (!filePath.startsWith(root)) {
      res.writeHead(404).end()
      return
    }
    try {
      const body = await readFile(filePath)
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream',
        'Content-Security-Policy': pagePolicy(req),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': relative === 'index.html' ? 'no-store' : 'max-age=3600',
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
    }
  }
}
