import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger'
import { LOG_FILE_NAME, RotatingLogFile } from './log-file'

const scratch = () => mkdtempSync(join(tmpdir(), 'fleet-log-'))

describe('RotatingLogFile', () => {
  it('appends redacted lines to a file only this user can read', () => {
    const dir = join(scratch(), 'logs')
    const file = new RotatingLogFile(dir)
    const logger = createLogger('main', { write: (line) => file.write(line) })
    logger.warn('renewal failed', { renewToken: 'r-123456', url: 'https://api.example/auth/renew' })
    file.close()
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8')
    expect(text).toMatch(/renewal failed/)
    expect(text).not.toMatch(/r-123456/)
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, LOG_FILE_NAME)).mode & 0o777).toBe(0o600)
      expect(statSync(dir).mode & 0o777).toBe(0o700)
    }
  })

  it('moves a full file aside and keeps only `keep` old ones', () => {
    const dir = scratch()
    const file = new RotatingLogFile(dir, { maxBytes: 100, keep: 2 })
    for (let i = 0; i < 20; i++) file.write(`line ${i} ${'x'.repeat(40)}`)
    file.close()
    expect(readdirSync(dir).sort()).toEqual(['fleet-monitor.1.log', 'fleet-monitor.2.log', LOG_FILE_NAME])
    expect(readFileSync(join(dir, 'fleet-monitor.1.log'), 'utf8')).toMatch(/line 1[78] /)
  })

  it('turns itself off when the folder cannot be written, and says so once', () => {
    const blocker = join(scratch(), 'a-file')
    writeFileSync(blocker, '')
    const failures: unknown[] = []
    const file = new RotatingLogFile(join(blocker, 'logs'), { onFailure: (e) => failures.push(e) })
    expect(() => {
      file.write('one')
      file.write('two')
    }).not.toThrow()
    expect(failures).toHaveLength(1)
  })
})
