import type { Command, Report } from './protocol'

type Handler = (command: Command) => void
const handlers: Handler[] = []

/** Tells the test what the app did. Without an IPC channel (run by hand) it is silent. */
export function report(entry: Report): void {
  process.send?.(entry)
}

export function onCommand(handler: Handler): void {
  handlers.push(handler)
}

// The channel must not keep a quitting app alive: only the app's own exit ends the child.
process.on('message', (message: Command) => handlers.forEach((handler) => handler(message)))
process.channel?.unref()
