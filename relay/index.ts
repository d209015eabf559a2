import { readFileSync } from 'node:fs'
import { describe } from '../shared/errors/describe'
import { problemOf } from '../core/errors/problem-of'
import { installProcessGuards } from '../core/host/process-guards'
import { createLogger } from '../core/logging/logger'
import { runKeyCommand } from './cli/key-commands'
import { parseRelayCommand } from './cli/relay-options'
import { operatorLanguage } from './cli/relay-words'
import { startRelayNode } from './relay-node'

// The Fleet Relay: `npm run relay`. One public URL for Tagora, one stream in NATS, many desks (issue 16).
const logger = createLogger('relay')
// Before anything can fail: nothing a client sends may end the node (core/host/process-guards.ts).
installProcessGuards(logger)
const language = operatorLanguage(process.env)

async function main(): Promise<void> {
  const command = parseRelayCommand(process.argv.slice(2), process.env, (path) => readFileSync(path, 'utf8'))
  if (command.kind === 'keys') {
    const lines = await runKeyCommand(command, { logger, now: new Date(), language })
    process.stdout.write(lines.map((line) => `${line}\n`).join(''))
    return
  }
  const relay = await startRelayNode(command, logger)
  process.stdout.write(`Fleet relay is listening at ${relay.url}\n`)
  const shutdown = (): void => {
    void relay.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().then(
  () => undefined,
  (error: unknown) => {
    // The catalog's words, in the operator's language; never a stack, never a secret.
    process.stderr.write(`Fleet relay: ${describe(problemOf(error), language)}\n`)
    process.exit(1)
  },
)
