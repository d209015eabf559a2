import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export const LOG_FILE_NAME = 'fleet-monitor.log'

export interface RotatingLogFileOptions {
  /** The current file is moved aside past this size. */
  maxBytes?: number
  /** Older files kept beside the current one (fleet-monitor.1.log is the newest of them). */
  keep?: number
  /** Told once when the file cannot be written, so the failure is seen on stderr at least. */
  onFailure?: (error: unknown) => void
}

/**
 * The log as a file in the data folder, for the installed app whose stderr nobody reads: the
 * "details are in the log" of an error points here. Lines are already redacted by the logger. Written
 * synchronously, one append per line, so an exit (even the guards' storm exit) loses nothing;
 * the file is this user's only (0600, in a 0700 folder). A failing disk turns the file off, never
 * the caller.
 */
export class RotatingLogFile {
  private fd: number | null = null
  private size = 0
  private failed = false
  private readonly maxBytes: number
  private readonly keep: number

  constructor(
    readonly dir: string,
    private readonly options: RotatingLogFileOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 2 * 1024 * 1024
    this.keep = options.keep ?? 3
  }

  get path(): string {
    return join(this.dir, LOG_FILE_NAME)
  }

  write(line: string): void {
    if (this.failed) return
    try {
      const fd = this.fd ?? this.open()
      const bytes = Buffer.from(line + '\n', 'utf8')
      writeSync(fd, bytes)
      this.size += bytes.length
      if (this.size >= this.maxBytes) this.rotate()
    } catch (error) {
      this.failed = true
      this.close()
      this.options.onFailure?.(error)
    }
  }

  close(): void {
    if (this.fd === null) return
    try {
      closeSync(this.fd)
    } catch {
      // Already gone: nothing left to flush (writes are synchronous).
    }
    this.fd = null
  }

  private open(): number {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    const fd = openSync(this.path, 'a', 0o600)
    this.fd = fd
    this.size = fstatSync(fd).size
    return fd
  }

  /** fleet-monitor.log → .1.log → .2.log …; the oldest beyond `keep` is deleted. */
  private rotate(): void {
    this.close()
    const aside = (n: number) => join(this.dir, LOG_FILE_NAME.replace(/\.log$/, `.${n}.log`))
    rmSync(aside(this.keep), { force: true })
    for (let n = this.keep - 1; n >= 1; n--) {
      try {
        renameSync(aside(n), aside(n + 1))
      } catch {
        // Not there yet: fewer files than `keep` so far.
      }
    }
    renameSync(this.path, aside(1))
    this.size = 0
  }
}
