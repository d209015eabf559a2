import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * The exact URL of the renderer's index.html, without query or hash: the built file next to main,
 * or the electron-vite dev server's page. Windows load it, and the sender check, the permission
 * policy and the page policy all compare against this one string.
 */
export function rendererEntryUrl(devServerUrl: string | null, mainDir: string): string {
  const url = devServerUrl ? new URL(devServerUrl) : pathToFileURL(join(mainDir, '../renderer/index.html'))
  url.search = ''
  url.hash = ''
  return url.href
}

/** The page a window loads: the entry with its view's query (`?view=map` for the pop-out map). */
export function rendererPageUrl(entryUrl: string, query: Readonly<Record<string, string>> = {}): string {
  const url = new URL(entryUrl)
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
  return url.href
}

/**
 * Whether `url` is the renderer's own index.html. Only the query and the hash may differ: they
 * choose a view inside the same document (`?view=map`), never a different document. A sibling
 * file, a parent folder, another port of the dev server's host or a look-alike prefix are not it.
 */
export function isRendererEntry(url: string, entryUrl: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  parsed.search = ''
  parsed.hash = ''
  return parsed.href === entryUrl
}
