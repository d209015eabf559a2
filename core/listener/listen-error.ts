import type { AppErrorInfo } from '../../shared/domain/errors'

/**
 * What the user reads when the listener cannot bind: the cause and the next step. The code and params
 * let the renderer say it in Spanish (lib/error-text.ts); the message is the English sentence.
 */
export function describeListenError(error: unknown, host: string, port: number): AppErrorInfo {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const params = { target: host, port }
  switch (code) {
    case 'EADDRINUSE':
      return {
        code: 'port-in-use',
        params,
        message:
          `Port ${port} is already in use by another program. ` +
          'Choose another port in Fleet setup → Local listener, or stop the other program.',
      }
    case 'EACCES':
      return {
        code: 'port-denied',
        params,
        message:
          `This computer does not allow the app to listen on port ${port}. ` +
          'Choose a port above 1024 in Fleet setup → Local listener.',
      }
    case 'EADDRNOTAVAIL':
      return {
        code: 'address-unavailable',
        params,
        message: `The address ${host} does not belong to this computer. Use 127.0.0.1 in Fleet setup → Local listener.`,
      }
    default: {
      const detail = error instanceof Error ? error.message : String(error)
      return {
        code: 'listener-failed',
        params: { ...params, detail },
        message: `The listener could not start on ${host}:${port} (${detail}). Check Fleet setup → Local listener.`,
      }
    }
  }
}
