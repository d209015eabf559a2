import { chmod, mkdir, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { resolve } from 'node:path'
import type { Logger } from '../logging/logger'

/** Permission bits for group and others. */
const SHARED_BITS = 0o077
/** The sticky bit marks a folder many users share (/tmp): never narrowed. */
const STICKY_BIT = 0o1000

/**
 * Creates the data folder readable by this user only (0700): settings name the accounts and servers the
 * desk uses. A folder that already exists with wider permissions is narrowed when it is only ours: owned
 * by this user, not the home folder, not a shared sticky folder such as /tmp (FLEET_DATA_DIR may point
 * anywhere). POSIX only: on Windows the folder takes the user profile's ACLs.
 */
export async function ensurePrivateFolder(dir: string, logger: Logger): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  if (process.platform === 'win32') return
  try {
    const info = await stat(dir)
    if ((info.mode & SHARED_BITS) === 0) return
    const ours =
      info.uid === process.getuid?.() && (info.mode & STICKY_BIT) === 0 && resolve(dir) !== resolve(homedir())
    if (!ours) {
      logger.warn('the data folder is readable by other users and is not only ours, so it is left as it is', {
        dir,
        mode: (info.mode & 0o7777).toString(8),
      })
      return
    }
    await chmod(dir, 0o700)
  } catch (error) {
    logger.warn('could not make the data folder private', { dir, error })
  }
}

/** Narrows an existing file of ours to 0600 (written by an older version, or copied in); absent is fine. */
export async function ensurePrivateFile(path: string, logger: Logger): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const info = await stat(path)
    if (info.isFile() && (info.mode & SHARED_BITS) !== 0 && info.uid === process.getuid?.())
      await chmod(path, 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      logger.warn('could not make a settings file private', { path, error })
  }
}
