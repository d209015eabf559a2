import type {
  ConnectionEntry,
  ConnectionStatus,
  ConnectionTestResult,
  VideoPortalResult,
} from '../../shared/domain/connections'
import type { ConnectionConfig } from '../../shared/schemas/connections'
import { movesSecret, SECRET_KINDS } from '../../shared/schemas/connections'
import { SCHEME_SECRET } from '../../shared/schemas/connection-secret'
import type { VideoPortalInput } from '../../shared/schemas/video-portal'
import type { Logger } from '../logging/logger'
import type { Clock } from '../ports/clock'
import type { PowerEvents } from '../ports/power-events'
import type { SecretStore } from '../ports/secret-store'
import type { VideoPortalOpener } from '../ports/video-portal'
import { buildEngines } from './build-engine'
import type { ConnectionEngines } from './build-engine'
import { ConnectionError } from '../tokens/connection-error'
import { ConnectionSecrets } from './connection-secrets'
import type { BaseConnectionConfig } from '../tokens/scheme'
import type { EightByEightConfig } from './schemes/eight-by-eight'
import { previewAnswer } from './answer-preview'
import { openVideoPortal } from './video-portal'
import type { TokenEngine } from '../tokens/token-engine'

/** Where the non-secret configs live (the `connections` array of settings.json). */
export interface ConnectionConfigStore {
  list(): ConnectionConfig[]
  write(configs: ConnectionConfig[]): Promise<void>
}

export interface ConnectionsServiceDeps {
  configs: ConnectionConfigStore
  secretStore: SecretStore
  clock: Clock
  logger: Logger
  fetch?: typeof fetch
  powerEvents?: PowerEvents
  random?: () => number
  /** A connection's token status changed on its own (renewal, retry, ending): pushed to the renderer. */
  onStatus?: (status: ConnectionStatus) => void
  /** How this host shows 8x8's Agent Portal; without one, "Video call" says the host cannot. */
  videoPortal?: VideoPortalOpener
}

/** Every vendor connection: configs in settings, secrets in the keychain, one token engine each. */
export class ConnectionsService {
  private readonly secrets: ConnectionSecrets
  private readonly engines = new Map<string, ConnectionEngines>()
  private readonly storage = new Map<string, ConnectionStatus['secretStorage']>()

  constructor(private readonly deps: ConnectionsServiceDeps) {
    this.secrets = new ConnectionSecrets(deps.secretStore, deps.logger)
  }

  /** Configs with their live status. */
  async list(): Promise<ConnectionEntry[]> {
    const entries: ConnectionEntry[] = []
    for (const config of this.deps.configs.list()) {
      if (!this.storage.has(config.id))
        this.storage.set(config.id, await this.secrets.where(config.id, SCHEME_SECRET[config.scheme]))
      entries.push({ config, status: this.status(config) })
    }
    return entries
  }

  /**
   * Adds or edits a connection; a new one needs its secret, an edit without one keeps the stored secret.
   * An edit that moves the connection to another server (scheme, host or port of its base URL) or scheme
   * needs the secret again: a kept secret would otherwise go where the user never gave it. Refused, such
   * an edit changes nothing; saved with the new secret, it forgets every secret kept for the old server.
   */
  async save(config: ConnectionConfig, secret: string | undefined): Promise<ConnectionEntry[]> {
    const configs = this.deps.configs.list()
    const existing = configs.find((c) => c.id === config.id)
    const kind = SCHEME_SECRET[config.scheme]
    const moved = existing !== undefined && movesSecret(existing, config)
    if (secret === undefined && (moved || (await this.secrets.where(config.id, kind)) === 'missing'))
      throw new ConnectionError({
        code: moved ? 'secret-required-again' : 'secret-required',
        call: 'connections:save',
        facts: { name: config.name, secret: SCHEME_SECRET[config.scheme] },
      })
    if (moved) await this.forgetSecrets(config.id)
    if (secret !== undefined) this.storage.set(config.id, await this.secrets.set(config.id, kind, secret))
    this.drop(config.id)
    await this.deps.configs.write(
      existing ? configs.map((c) => (c.id === config.id ? config : c)) : [...configs, config],
    )
    return this.list()
  }

  async remove(id: string): Promise<ConnectionEntry[]> {
    const configs = this.deps.configs.list()
    const existing = configs.find((c) => c.id === id)
    if (existing) await this.forgetSecrets(id)
    this.drop(id)
    this.storage.delete(id)
    await this.deps.configs.write(configs.filter((c) => c.id !== id))
    return this.list()
  }

  /**
   * At start-up: every connection whose secret is stored signs in, so the desk sees at once which ones
   * work (and they renew from then on). A failure only marks that connection "needs attention".
   */
  async connectAll(): Promise<void> {
    await Promise.all(
      this.deps.configs.list().map(async (config) => {
        const storage = await this.secrets.where(config.id, SCHEME_SECRET[config.scheme])
        this.storage.set(config.id, storage)
        if (storage === 'missing') return
        try {
          await this.connect(config)
        } catch (error) {
          this.deps.logger.warn('a connection could not sign in at start-up', {
            connection: config.id,
            error,
          })
        }
      }),
    )
  }

  /**
   * Obtains a token now and makes the scheme's harmless protected call with it; the answer is shown (status,
   * items), secrets hidden, so the desk sees the token do real work.
   */
  async test(id: string): Promise<ConnectionTestResult> {
    const config = this.find(id)
    const engine = await this.connect(config)
    const spec = engine.scheme.testRequest(engine.runtime())
    const result = spec ? await engine.request(spec) : null
    return {
      status: this.status(config),
      lifetimeSeconds: engine.lifetimeSeconds(),
      checked:
        spec && result
          ? `${spec.method} ${spec.path} → ${result.status}`
          : `${engine.scheme.obtainKind}: token obtained`,
      answer: result ? previewAnswer(result.status, result.body) : null,
    }
  }

  /** 8x8 "Video call": an agent token (and a room) for the Agent Portal, opened by the host (video-portal.ts). */
  async openVideoPortal(input: VideoPortalInput): Promise<VideoPortalResult> {
    const config = this.find(input.connectionId)
    if (config.scheme !== '8x8-video')
      throw new ConnectionError({
        code: 'not-video-connection',
        call: 'connections:open-video-portal',
        facts: { name: config.name },
      })
    return openVideoPortal({
      engine: this.enginesFor(config).engine as unknown as TokenEngine<EightByEightConfig>,
      config,
      input,
      opener: this.deps.videoPortal,
      clock: this.deps.clock,
    })
  }

  /** The engine of a connection, for vendor actions and tests. */
  engine(id: string): TokenEngine<BaseConnectionConfig> {
    return this.enginesFor(this.find(id)).engine
  }

  dispose(): void {
    for (const id of [...this.engines.keys()]) this.drop(id)
  }

  private status(config: ConnectionConfig): ConnectionStatus {
    const engines = this.engines.get(config.id)
    const engineStatus = engines?.engine.status()
    return {
      id: config.id,
      name: config.name,
      scheme: config.scheme,
      phase: engineStatus?.phase ?? 'idle',
      expiresAt: engineStatus?.expiresAt ?? null,
      nextRenewalAt: engineStatus?.nextRenewalAt ?? null,
      refreshExpiresAt: engineStatus?.refreshExpiresAt ?? null,
      lifetimeSource: engineStatus?.lifetimeSource ?? 'none',
      renewal: engineStatus?.renewal ?? 'none',
      lastRenewedAt: engineStatus?.lastRenewedAt ?? null,
      lastProblem: engineStatus?.lastProblem ?? engines?.parent?.status().lastProblem ?? null,
      secretStorage: this.storage.get(config.id) ?? 'missing',
      parentPhase: engines?.parent?.status().phase ?? null,
      renewalRetry: engineStatus?.renewalRetry ?? null,
    }
  }

  private find(id: string): ConnectionConfig {
    const config = this.deps.configs.list().find((c) => c.id === id)
    if (!config) throw new ConnectionError({ code: 'connection-gone', call: 'connections' })
    return config
  }

  private enginesFor(config: ConnectionConfig): ConnectionEngines {
    const known = this.engines.get(config.id)
    if (known) return known
    const kind = SCHEME_SECRET[config.scheme]
    const built = buildEngines(config, {
      clock: this.deps.clock,
      logger: this.deps.logger,
      fetch: this.deps.fetch ?? fetch,
      secret: () => this.secrets.get(config.id, kind),
      ...(this.deps.powerEvents ? { powerEvents: this.deps.powerEvents } : {}),
      ...(this.deps.random ? { random: this.deps.random } : {}),
    })
    this.engines.set(config.id, built)
    const announce = () => {
      const current = this.deps.configs.list().find((c) => c.id === config.id)
      if (current && this.engines.get(config.id) === built) this.deps.onStatus?.(this.status(current))
    }
    built.engine.onChange(announce)
    built.parent?.onChange(announce)
    return built
  }

  /** Signs a connection in (a derived token's parent first); returns its engine. */
  private async connect(config: ConnectionConfig): Promise<TokenEngine<BaseConnectionConfig>> {
    const { engine, parent } = this.enginesFor(config)
    if (parent) await parent.connect()
    await engine.connect()
    return engine
  }

  private drop(id: string): void {
    const engines = this.engines.get(id)
    engines?.engine.dispose()
    engines?.parent?.dispose()
    this.engines.delete(id)
  }

  /** Every kind, not only the current scheme's: nothing kept for an old server or scheme survives. */
  private async forgetSecrets(id: string): Promise<void> {
    for (const kind of SECRET_KINDS) await this.secrets.delete(id, kind)
    this.storage.delete(id)
  }
}
