import { join } from 'node:path'
import type { Logger } from '../../../core/logging/logger'
import { createLogger } from '../../../core/logging/logger'
import { RotatingLogFile } from '../../../core/logging/log-file'

export interface MainLog {
  logger: Logger
  /** Also writes to `<dataDir>/logs` from now on; returns that folder ("Open log folder"). */
  useDataDir(dataDir: string): string
  close(): void
}

/**
 * The main process's logger: stderr for a developer's terminal, and once the data folder is known a
 * rotating file in it, for the installed app whose stderr nobody sees.
 */
export function createMainLog(): MainLog {
  let file: RotatingLogFile | null = null
  const logger = createLogger('main', {
    write: (line) => {
      process.stderr.write(line + '\n')
      file?.write(line)
    },
  })
  return {
    logger,
    useDataDir(dataDir) {
      const dir = join(dataDir, 'logs')
      file = new RotatingLogFile(dir, {
        onFailure: (error) =>
          logger.warn('the log file cannot be written; logging to stderr only', { error }),
      })
      return dir
    },
    close: () => file?.close(),
  }
}
