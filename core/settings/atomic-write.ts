import { open, rename, unlink } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'

/**
 * Writes the file so that a crash leaves either the old or the new content, never half of each:
 * temp file in the same folder, fsync, then rename over the target.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tempPath = `${path}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await open(tempPath, 'w', 0o600)
  try {
    await handle.writeFile(content, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(tempPath, path)
  } catch (error) {
    await unlink(tempPath).catch(() => undefined)
    throw error
  }
}
