import { silentLogger } from '../../core/logging/logger'
import type { ParseResult } from '../../core/telemetry/telemetry-event'
import { createTestKeys } from './webhook-client'
import { createWebhookListener } from '../../core/listener/webhook-listener'
import type { WebhookListener, WebhookListenerOptions } from '../../core/listener/webhook-listener'

/** The fixed "now" listener tests parse events against. */
export const TEST_NOW = 1_750_000_000_000

/**
 * Real listeners on loopback port 0 with one test key pair, collecting what they deliver; `stopAll`
 * (in afterEach) closes every one a test started.
 */
export function createListenerKit() {
  const keys = createTestKeys()
  let running: WebhookListener[] = []

  function create(overrides: Partial<WebhookListenerOptions> = {}) {
    const delivered: ParseResult[] = []
    const listener = createWebhookListener({
      host: '127.0.0.1',
      port: 0,
      path: '/tagora/events',
      getPublicKeys: () => [keys.publicKey],
      onEvents: (batch) => delivered.push(batch),
      parseOptions: () => ({ now: TEST_NOW, resolveAssetId: () => undefined }),
      logger: silentLogger,
      ...overrides,
    })
    running.push(listener)
    return { listener, delivered }
  }

  async function start(overrides: Partial<WebhookListenerOptions> = {}) {
    const created = create(overrides)
    const state = await created.listener.start()
    if (state.state !== 'listening')
      throw new Error(`listener did not start: ${state.problem?.code ?? state.state}`)
    return { ...created, port: Number(new URL(state.url ?? '').port) }
  }

  async function stopAll(): Promise<void> {
    await Promise.all(running.map((listener) => listener.stop()))
    running = []
  }

  return { keys, create, start, stopAll }
}
