/** What the user reads when the listener cannot bind: the cause and the next step. */
export function describeListenError(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'EADDRINUSE':
      return (
        `Port ${port} is already in use by another program. ` +
        'Choose another port in Settings → Listener, or stop the other program.'
      )
    case 'EACCES':
      return (
        `This computer does not allow the app to listen on port ${port}. ` +
        'Choose a port above 1024 in Settings → Listener.'
      )
    case 'EADDRNOTAVAIL':
      return `The address ${host} does not belong to this computer. Use 127.0.0.1 in Settings → Listener.`
    default: {
      const message = error instanceof Error ? error.message : String(error)
      return `The listener could not start on ${host}:${port} (${message}). Check Settings → Listener.`
    }
  }
}
