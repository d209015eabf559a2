import { redact, redactText } from './redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** The one logger of the main process: every line passes through redaction before it is written. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Writes one JSON line per entry to `write` (stderr by default), from `minLevel` up. */
export function createLogger(
  scope: string,
  options: { minLevel?: LogLevel; write?: (line: string) => void } = {},
): Logger {
  const minLevel = options.minLevel ?? (process.env.FLEET_LOG_LEVEL as LogLevel | undefined) ?? 'info'
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'))
  const log = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[minLevel]) return
    const entry = {
      ...(fields ? (redact(fields) as object) : {}),
      time: new Date().toISOString(),
      level,
      scope,
      message: redactText(message),
    }
    let line: string
    try {
      line = JSON.stringify(entry)
    } catch {
      // A field JSON cannot hold (a BigInt): keep the line, never crash the caller over a log.
      line = JSON.stringify({
        time: entry.time,
        level,
        scope,
        message: entry.message,
        fields: '[unserializable]',
      })
    }
    write(line)
  }
  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  }
}

/** A logger that writes nothing: for tests that do not assert on logs. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}
