import type { ConnectionStatus } from '../../shared/domain/connections'
import { ConnectionsService } from '../../core/connections/connections-service'
import { createLogger } from '../../core/logging/logger'
import type { SecretStore } from '../../core/ports/secret-store'
import type { VideoPortalOpener } from '../../core/ports/video-portal'
import { FakeClock } from '../fakes/fake-clock'
import type { ConnectionConfig, ConnectionConfigInput } from '../../shared/schemas/connections'
import { connectionConfigSchema } from '../../shared/schemas/connections'
import { MemorySecretStore } from '../fakes/fake-secret-store'

/** A ConnectionsService on a fake clock and an in-memory keychain, its configs in an array, its logs kept. */
export function createConnectionKit(
  options: { secretStore?: SecretStore; fetch?: typeof fetch; videoPortal?: VideoPortalOpener } = {},
) {
  const clock = new FakeClock()
  const secretStore = options.secretStore ?? new MemorySecretStore()
  const logs: string[] = []
  let configs: ConnectionConfig[] = []
  /** Every status the service pushed on its own (the renderer's connections:status events). */
  const pushed: ConnectionStatus[] = []
  const service = new ConnectionsService({
    configs: {
      list: () => configs,
      write: (next) => {
        configs = next
        return Promise.resolve()
      },
    },
    secretStore,
    clock,
    logger: createLogger('connections-test', { minLevel: 'debug', write: (line) => logs.push(line) }),
    random: () => 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.videoPortal ? { videoPortal: options.videoPortal } : {}),
    onStatus: (status) => pushed.push(status),
  })
  return {
    clock,
    secretStore,
    logs,
    service,
    pushed,
    configs: () => configs,
    /** Puts configs in place as settings.json would hand them over (an older file, a hand edit). */
    setConfigs: (next: ConnectionConfig[]) => void (configs = next),
  }
}

/** Parses a config like settings.json would (defaults filled). */
export function connectionConfig(input: ConnectionConfigInput): ConnectionConfig {
  return connectionConfigSchema.parse(input)
}

/** Polls a condition on the real clock (HTTP runs for real while the fake clock drives timers). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Advances the fake clock, then lets real I/O settle a little. */
export async function advance(clock: FakeClock, ms: number): Promise<void> {
  clock.advance(ms)
  await new Promise((resolve) => setTimeout(resolve, 20))
}

/** A host's Agent Portal opener that records the URLs it was given (as Electron's window or a tab would load them). */
export function recordingPortalOpener(embedded = false) {
  const opened: string[] = []
  const opener: VideoPortalOpener = {
    embedded,
    refusal: () => null,
    open: (url) => {
      opened.push(url)
      return Promise.resolve({ opened: 'window' })
    },
  }
  return { opener, opened }
}
