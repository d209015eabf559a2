import { AppError } from '../../shared/domain/errors'
import type { Logger } from '../../core/logging/logger'
import { DeskKeyStore } from '../nats/desk-key-store'
import { connectNats } from '../nats/nats-link'
import type { KeysCommand } from './relay-options'
import { RELAY_WORDS } from './relay-words'
import type { ErrorLanguage } from '../../shared/errors/catalog'

/**
 * `keys add|revoke|list`: the operator's desk keys, straight in NATS (every node reads them there).
 * Returns the lines to print; for `add` the new key is the last one, so `| tail -1` gets it.
 */
export async function runKeyCommand(
  command: KeysCommand,
  context: { logger: Logger; now: Date; language: ErrorLanguage },
): Promise<string[]> {
  const words = RELAY_WORDS[context.language]
  const { logger } = context
  const link = await connectNats(command.nats, {
    name: 'fleet-relay keys',
    logger,
    waitForFirst: false,
  }).catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error)
    throw new AppError({ code: 'nats-unavailable', facts: { target: command.nats, detail } })
  })
  try {
    const keys = await DeskKeyStore.open(link)
    switch (command.action) {
      case 'add': {
        const name = command.name ?? ''
        return [words.keyAdded(name), await keys.add(name, context.now)]
      }
      case 'revoke':
        await keys.revoke(command.name ?? '')
        return [words.keyRevoked(command.name ?? '')]
      case 'list': {
        const listed = await keys.list()
        return listed.length === 0 ? [words.noKeys] : listed.map((key) => `${key.name}\t${key.createdAt}`)
      }
    }
  } finally {
    await link.close()
  }
}
