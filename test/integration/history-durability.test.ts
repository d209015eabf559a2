import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBetterSqlite3 } from '../../core/adapters/better-sqlite3-database'
import { HISTORY_FILE } from '../../core/history/history-file'
import { FLUSH_EVERY_MS } from '../../core/history/fix-recorder'

const RATE = 20_000

/** The last `<word> N` a line of the output said, or 0. */
function lastCount(output: string, word: string): number {
  const matches = [...output.matchAll(new RegExp(`^${word} (\\d+)$`, 'gm'))]
  return Number(matches.at(-1)?.[1] ?? 0)
}

describe('history durability', () => {
  it('a desk killed with SIGKILL mid-stream loses at most its last uncommitted write, and the file opens clean', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'history-kill-'))
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/history-writer-child.ts', dataDir, String(RATE)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    )
    // Sustained writing for a while (well past the first commits), then the plug is pulled.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (lastCount(output, 'committed') >= 3 * RATE) {
          clearInterval(timer)
          resolve()
        }
        if (child.exitCode !== null) reject(new Error(`the writer ended early:\n${output.slice(-2000)}`))
      }, 20)
    })
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')

    const generated = lastCount(output, 'generated')
    const committed = lastCount(output, 'committed')
    const db = openBetterSqlite3(join(dataDir, HISTORY_FILE))
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
      const stored = Number(
        db
          .prepare(
            'SELECT (SELECT coalesce(sum(n), 0) FROM segments) + (SELECT coalesce(sum(n), 0) FROM chunks) AS n',
          )
          .get()?.['n'],
      )
      const counted = Number(db.prepare("SELECT value FROM counters WHERE name = 'fixes'").get()?.['value'])
      // Everything the worker said was committed is there, and the running total agrees with the rows.
      expect(stored).toBeGreaterThanOrEqual(committed)
      expect(counted).toBe(stored)
      // What is missing is at most the write that was being collected or committed: about a second.
      const lost = generated - stored
      expect(lost).toBeGreaterThanOrEqual(0)
      expect(lost).toBeLessThanOrEqual((RATE * (2 * FLUSH_EVERY_MS + 200)) / 1000)
      console.info(`SIGKILL: generated ${generated}, committed ${committed}, stored ${stored}, lost ${lost}`)
    } finally {
      db.close()
    }
  }, 60_000)
})
