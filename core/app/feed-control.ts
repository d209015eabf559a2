import { AppError } from '../../shared/domain/errors'
import type { AppErrorInfo } from '../../shared/domain/errors'
import type { FeedKind, FeedState } from '../../shared/domain/feed'
import type { SetFeedInput } from '../../shared/schemas/feed'
import type { ListenerSettings, Settings } from '../../shared/schemas/settings'
import { isRelayUrl } from '../../shared/net/relay-url'
import { DeskKeyKeeper } from '../feeds/desk-key-keeper'
import type { KeyKeptIn } from '../feeds/desk-key-keeper'
import { RelayFeed } from '../feeds/relay-feed'
import type { Logger } from '../logging/logger'
import type { Clock } from '../ports/clock'
import type { ConnectRelay } from '../ports/relay-link'
import type { SecretStore } from '../ports/secret-store'
import type { TelemetryPipeline } from './telemetry-pipeline'

export interface FeedControlDeps {
  settings: { get(): Settings; update(change: (settings: Settings) => Settings): Promise<Settings> }
  secretStore: SecretStore
  pipeline: TelemetryPipeline
  /** The listener settings in force (with --listener-port), to restart it when the desk leaves a relay. */
  listenerSettings(): ListenerSettings
  connect: ConnectRelay
  clock: Clock
  logger: Logger
  emit(state: FeedState): void
  /** --relay-url/--relay-key (or FLEET_RELAY_*): this run follows that relay; nothing is stored. */
  override?: { url: string; key: string } | undefined
}

/** How long Save waits for the relay's first answer before it says the relay did not answer. */
const SETTLE_MS = 10_000

/**
 * Which feed the desk uses: its own listener, or a relay. Switching to a relay tries it first: a
 * refused key or a relay that does not answer is an error and changes nothing. The relay's address
 * goes to settings, its desk key to the keychain.
 */
export class FeedControl {
  private relay: RelayFeed | null = null
  private keyKeptIn: KeyKeptIn | null = null
  /** Why the relay chosen in settings is not followed (its key is not in the keychain any more). */
  private standing: AppErrorInfo | null = null
  private readonly keys: DeskKeyKeeper
  private cancelPoll: (() => void) | null = null
  private lastEmitted = ''

  constructor(private readonly deps: FeedControlDeps) {
    this.keys = new DeskKeyKeeper(deps.secretStore, deps.logger)
  }

  /** Read before the listener first starts: a desk on a relay never binds its own port. */
  wantsListener(): boolean {
    return this.kind() === 'listener'
  }

  /** Follows the relay of the command line or of settings (with its key from the keychain). */
  async start(): Promise<void> {
    this.poll()
    const override = this.deps.override
    if (override) {
      this.keyKeptIn = 'memory'
      return this.adopt(this.follow(override.url, override.key))
    }
    const { kind, relayUrl } = this.deps.settings.get().feed
    if (kind !== 'relay') return
    const found = isRelayUrl(relayUrl) ? await this.keys.find(relayUrl) : null
    if (!found) {
      this.standing = { code: isRelayUrl(relayUrl) ? 'enter-relay-key' : 'relay-url' }
      return void this.publish()
    }
    this.keyKeptIn = found.keptIn
    this.adopt(this.follow(relayUrl, found.key))
  }

  stop(): void {
    this.cancelPoll?.()
    this.relay?.stop()
    this.relay = null
  }

  /** The store was cleared (sign-out): the relay sends the whole map again. */
  resync(): void {
    this.relay?.resync()
  }

  state(): FeedState {
    const status = this.relay?.status()
    const kind = this.kind()
    const relayUrl = this.deps.override?.url ?? this.deps.settings.get().feed.relayUrl
    return {
      kind,
      fromCommandLine: this.deps.override !== undefined,
      relayUrl: relayUrl === '' ? null : relayUrl,
      keyKeptIn: this.keyKeptIn,
      state: status?.state ?? (kind === 'relay' ? 'refused' : 'off'),
      organizationId: status?.organizationId ?? null,
      lastSequence: status?.lastSequence ?? null,
      received: status?.received ?? 0,
      connectedAt: status?.connectedAt ?? null,
      lastFixAt: status?.lastFixAt ?? null,
      problem: status?.problem ?? this.standing,
    }
  }

  async set(input: SetFeedInput): Promise<FeedState> {
    if (this.deps.override) throw new AppError({ code: 'relay-from-command-line' })
    if (input.kind === 'listener') return this.useListener()
    const relayUrl = input.relayUrl ?? this.deps.settings.get().feed.relayUrl
    if (!relayUrl) throw new AppError({ code: 'enter-relay-url' })
    if (!isRelayUrl(relayUrl)) throw new AppError({ code: 'relay-url' })
    const found = input.relayKey === undefined ? await this.keys.find(relayUrl) : null
    const key = input.relayKey ?? found?.key
    if (!key) throw new AppError({ code: 'enter-relay-key' })
    const { feed, settled } = this.tryRelay(relayUrl, key)
    const problem = await settled
    if (problem) {
      feed.stop()
      throw new AppError(problem)
    }
    this.keyKeptIn =
      input.relayKey === undefined ? (found?.keptIn ?? null) : await this.keys.keep(relayUrl, key)
    this.standing = null
    this.adopt(feed)
    await this.deps.settings.update((s) => ({ ...s, feed: { kind: 'relay', relayUrl } }))
    this.deps.pipeline.useListener(false)
    await this.deps.pipeline.applyListenerSettings(this.deps.listenerSettings())
    return this.publish()
  }

  private async useListener(): Promise<FeedState> {
    this.relay?.stop()
    this.relay = null
    this.standing = null
    await this.deps.settings.update((s) => ({ ...s, feed: { ...s.feed, kind: 'listener' } }))
    this.deps.pipeline.useListener(true)
    await this.deps.pipeline.applyListenerSettings(this.deps.listenerSettings())
    return this.publish()
  }

  private kind(): FeedKind {
    return this.deps.override ? 'relay' : this.deps.settings.get().feed.kind
  }

  /** A relay feed under trial: `settled` is its first answer (null once the relay said hello). */
  private tryRelay(
    relayUrl: string,
    key: string,
  ): { feed: RelayFeed; settled: Promise<AppErrorInfo | null> } {
    let settle: (problem: AppErrorInfo | null) => void = () => undefined
    const settled = new Promise<AppErrorInfo | null>((resolve) => (settle = resolve))
    const feed = this.follow(relayUrl, key, (self) => {
      const { state, problem } = self.status()
      if (state === 'connected') settle(null)
      else if (state === 'refused' || state === 'reconnecting') settle(problem)
    })
    const cancel = this.deps.clock.setTimer(() => {
      const target = new URL(relayUrl).origin
      settle({ code: 'relay-unreachable', facts: { target, network: 'ETIMEDOUT' } })
    }, SETTLE_MS)
    return { feed, settled: settled.finally(cancel) }
  }

  private follow(relayUrl: string, key: string, onChange?: (feed: RelayFeed) => void): RelayFeed {
    const feed: RelayFeed = new RelayFeed({
      connect: this.deps.connect,
      clock: this.deps.clock,
      logger: this.deps.logger,
      onFixes: (events) => this.deps.pipeline.applyFeedEvents(events),
      onChange: () => {
        onChange?.(feed)
        if (this.relay === feed) this.publish()
      },
    })
    feed.follow(relayUrl, key)
    return feed
  }

  private adopt(feed: RelayFeed): void {
    if (this.relay !== feed) this.relay?.stop()
    this.relay = feed
    this.publish()
  }

  /** The counters move per frame: they are pushed at most once a second, and only when they moved. */
  private poll(): void {
    this.cancelPoll = this.deps.clock.setTimer(() => {
      if (this.relay) this.publish()
      this.poll()
    }, 1000)
  }

  private publish(): FeedState {
    const state = this.state()
    const key = JSON.stringify(state)
    if (key !== this.lastEmitted) {
      this.lastEmitted = key
      this.deps.emit(state)
    }
    return state
  }
}
