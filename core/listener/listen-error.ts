import type { AppErrorInfo } from '../../shared/domain/errors'

/** Why the listener cannot bind, as facts: the catalog says the cause and the next step. */
export function describeListenError(error: unknown, host: string, port: number): AppErrorInfo {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const facts = { target: host, port }
  switch (code) {
    case 'EADDRINUSE':
      return { code: 'port-in-use', facts }
    case 'EACCES':
      return { code: 'port-denied', facts }
    case 'EADDRNOTAVAIL':
      return { code: 'address-unavailable', facts }
    default:
      return {
        code: 'listener-failed',
        facts: { ...facts, detail: error instanceof Error ? error.message : String(error) },
      }
  }
}
