import { spawnSync } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { createLogger } from '../logging/logger'
import type { GuardedProcess } from './process-guards'
import { STORM_EXIT_CODE, STORM_LIMIT, STORM_WINDOW_MS, installProcessGuards } from './process-guards'

function setup() {
  const lines: Record<string, unknown>[] = []
  const logger = createLogger('test', {
    write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
  })
  const target = new EventEmitter()
  const exit = vi.fn()
  let now = 1_000_000
  const uninstall = installProcessGuards(logger, {
    target: target as unknown as GuardedProcess,
    exit,
    now: () => now,
  })
  return { lines, target, exit, uninstall, advance: (ms: number) => void (now += ms) }
}

describe('installProcessGuards', () => {
  it('logs an unhandled rejection through the redacting logger and carries on', () => {
    const { lines, target, exit } = setup()
    target.emit('unhandledRejection', new Error('renew failed: Bearer eyJhbGciOi.eyJzdWIi.c2ln'))
    expect(exit).not.toHaveBeenCalled()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 'error', message: 'unhandled promise rejection (carrying on)' })
    expect(JSON.stringify(lines[0])).not.toContain('eyJ')
    expect(lines[0]?.stack).toEqual(expect.stringContaining('process-guards.test.ts'))
  })

  it('logs an uncaught exception with its origin and carries on', () => {
    const { lines, target, exit } = setup()
    target.emit('uncaughtException', new RangeError('Max payload size exceeded'), 'uncaughtException')
    expect(exit).not.toHaveBeenCalled()
    expect(lines[0]).toMatchObject({
      message: 'uncaught exception (carrying on)',
      origin: 'uncaughtException',
      error: { name: 'RangeError', message: 'Max payload size exceeded' },
    })
  })

  it(`exits with ${STORM_EXIT_CODE} on the ${STORM_LIMIT}th uncaught exception inside the window, not when they are spread out`, () => {
    const spread = setup()
    for (let i = 0; i < STORM_LIMIT * 2; i++) {
      spread.target.emit('uncaughtException', new Error('now and then'), 'uncaughtException')
      spread.advance(STORM_WINDOW_MS / (STORM_LIMIT - 2))
    }
    expect(spread.exit).not.toHaveBeenCalled()

    const burst = setup()
    for (let i = 0; i < STORM_LIMIT - 1; i++)
      burst.target.emit('uncaughtException', new Error('again'), 'uncaughtException')
    expect(burst.exit).not.toHaveBeenCalled()
    burst.target.emit('uncaughtException', new Error('again'), 'uncaughtException')
    expect(burst.exit).toHaveBeenCalledWith(STORM_EXIT_CODE)
    expect(burst.lines.at(-1)).toMatchObject({ message: 'uncaught exception (too many: exiting)' })
  })

  it('removes both listeners when uninstalled', () => {
    const { target, uninstall } = setup()
    expect(target.listenerCount('unhandledRejection')).toBe(1)
    expect(target.listenerCount('uncaughtException')).toBe(1)
    uninstall()
    expect(target.listenerCount('unhandledRejection')).toBe(0)
    expect(target.listenerCount('uncaughtException')).toBe(0)
  })

  it('keeps a real Node process alive through a stray rejection, a throw and an unheard socket error', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/process-guards-child.ts'], {
      encoding: 'utf8',
      timeout: 15_000,
    })
    expect(child.stdout).toBe('still alive\n')
    expect(child.status).toBe(0)
    const messages = child.stderr
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { message: string }).message)
    expect(messages).toEqual([
      'unhandled promise rejection (carrying on)',
      'uncaught exception (carrying on)',
      'uncaught exception (carrying on)',
    ])
    expect(child.stderr).not.toContain('abc.def.ghi')
  })
})
