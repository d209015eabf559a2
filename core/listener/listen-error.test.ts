import { describe as group, expect, it } from 'vitest'
import { describe } from '../../shared/errors/describe'
import { describeListenError } from './listen-error'

const osError = (code: string, message = code) => Object.assign(new Error(message), { code })

group('describeListenError', () => {
  it('names the port and the next step for each bind failure, as a code and facts', () => {
    const cases = [
      ['EADDRINUSE', 'port-in-use', 'Port 8787 is already in use by another program.'],
      ['EACCES', 'port-denied', 'does not allow the app to listen on port 8787'],
      ['EADDRNOTAVAIL', 'address-unavailable', 'The address 10.9.9.9 does not belong to this computer'],
    ] as const
    for (const [osCode, code, words] of cases) {
      const info = describeListenError(osError(osCode), '10.9.9.9', 8787)
      expect(info, osCode).toEqual({ code, facts: { target: '10.9.9.9', port: 8787 } })
      expect(describe(info, 'en'), osCode).toContain(words)
      expect(describe(info, 'en'), osCode).toContain('Fleet setup → Local listener')
    }
  })

  it('keeps the OS text of an unexpected failure as a detail', () => {
    const info = describeListenError(osError('EMFILE', 'too many open files'), '127.0.0.1', 8787)
    expect(info).toEqual({
      code: 'listener-failed',
      facts: { target: '127.0.0.1', port: 8787, detail: 'too many open files' },
    })
    expect(describe(info, 'en')).toContain('127.0.0.1:8787 (too many open files)')
  })
})
