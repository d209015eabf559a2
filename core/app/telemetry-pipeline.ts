import type { Device } from '../../shared/domain/device'
import type { AppErrorInfo } from '../../shared/domain/errors'
import type { ListenerState, RawEventRecord } from '../../shared/domain/listener'
import type { ListenerSettings, TelemetrySettings } from '../../shared/schemas/settings'
import type { Clock } from '../ports/clock'
import type { Logger } from '../logging/logger'
import { ProbeRegistry } from '../listener/probe-registry'
import { publicRoutesOf } from '../listener/request-guards'
import type { PublicRoute } from '../listener/request-guards'
import { createWebhookListener } from '../listener/webhook-listener'
import type { WebhookListener } from '../listener/webhook-listener'
import type { ParseResult, TelemetryEvent } from '../telemetry/telemetry-event'
import { AssetLookup } from '../telemetry/asset-lookup'
import { TelemetryStore } from '../telemetry/telemetry-store'
import { createBatchPump } from '../telemetry/batch-pump'
import type { EventHub } from './event-hub'
import type { WebhookKeys } from './webhook-keys'

const OFF_STATE: ListenerState = {
  state: 'off',
  url: null,
  problem: null,
  accepted: 0,
  rejected: {},
  lastEventAt: null,
}

/**
 * Listener → store → batches to every renderer. Owns the lookup tables that turn a serial or a
 * deviceId into an assetId, and the set of known assets (events for others count as 'unknown-asset').
 */
export class TelemetryPipeline {
  private listener: WebhookListener | null = null
  private store: TelemetryStore
  private readonly pump: ReturnType<typeof createBatchPump>
  private readonly assets = new AssetLookup()
  /** Host and path of every registered webhook's postUrl: deliveries through a tunnel keep them. */
  private publicRoutes: PublicRoute[] = []
  /** "Test the public URL" nonces; shared by every listener this pipeline starts. */
  readonly probes = new ProbeRegistry()
  /** False while the desk follows a relay: its own listener stays off (one feed, one way in). */
  private listenerWanted = true
  private lastStatsKey = ''
  private cancelStatsTimer: (() => void) | null = null
  /** Where accepted fixes go besides the store: the shift's history (issue 15). */
  private onAccepted: (events: TelemetryEvent[]) => void = () => undefined

  constructor(
    private readonly hub: EventHub,
    private readonly keys: WebhookKeys,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.store = new TelemetryStore({ clock })
    this.pump = createBatchPump({
      store: this.store,
      clock,
      send: (batch) => hub.emit('telemetry:batch', batch),
      isReceiverReady: () => hub.receiversReady(),
    })
    this.pump.start()
    this.pollStats()
  }

  /** Counters change per request, not per lifecycle: push the state once a second when they moved. */
  private pollStats(): void {
    this.cancelStatsTimer = this.clock.setTimer(() => {
      const state = this.listenerState()
      const key = `${state.state}|${state.accepted}|${JSON.stringify(state.rejected)}|${state.lastEventAt}`
      if (key !== this.lastStatsKey) {
        this.lastStatsKey = key
        this.hub.emit('listener:state', state)
      }
      this.pollStats()
    }, 1000)
  }

  /** Adds the scopes' serial/deviceId → assetId pairs (telemetry that carries only a serial). */
  useScopeItems(items: readonly { serial: string; deviceId: string; assetId: string }[]): void {
    this.assets.useScopeItems(items)
  }

  /** The webhooks registered against the API in use: their public Host and path reach the listener. */
  usePostUrls(postUrls: readonly string[]): void {
    this.publicRoutes = publicRoutesOf(postUrls)
  }

  /** Whether the feed in use is this desk's listener; takes effect at the next applyListenerSettings. */
  useListener(wanted: boolean): void {
    this.listenerWanted = wanted
  }

  /** Fixes from a relay: the same store (and history) as the listener's, so the map cannot tell them apart. */
  applyFeedEvents(events: readonly TelemetryEvent[]): void {
    this.applyEvents(events)
  }

  /** (Re)starts the listener with new settings; reports a busy port as state 'error', never throws. */
  async applyListenerSettings(settings: ListenerSettings): Promise<ListenerState> {
    await this.listener?.stop()
    this.listener = null
    if (!settings.enabled || !this.listenerWanted) {
      this.hub.emit('listener:state', OFF_STATE)
      return OFF_STATE
    }
    const listener = this.createListener(settings)
    this.adopt(listener)
    const state = await listener.start()
    this.hub.emit('listener:state', state)
    return state
  }

  /**
   * Moves the listener to new settings only if they work, so a busy port changes nothing. On another
   * port the new listener binds beside the old one, which stops only once the new one listens (no gap,
   * and a port-0 listener keeps its port on failure); on the same port the old one must stop first and
   * comes back with `previous` if the new one fails. Returns why the new settings failed, or null.
   */
  async switchListener(next: ListenerSettings, previous: ListenerSettings): Promise<AppErrorInfo | null> {
    // Following a relay: the settings are kept for later and nothing binds now.
    if (!this.listenerWanted) return null
    const old = this.listener
    const boundPort = this.boundPort()
    if (!old || boundPort === null || !next.enabled || next.port === boundPort) {
      const state = await this.applyListenerSettings(next)
      if (state.state !== 'error') return null
      await this.applyListenerSettings(previous)
      return state.problem
    }
    const candidate = this.createListener(next)
    const state = await candidate.start()
    if (state.state === 'error') {
      await candidate.stop()
      return state.problem
    }
    await old.stop()
    this.adopt(candidate)
    this.hub.emit('listener:state', state)
    return null
  }

  private createListener(settings: ListenerSettings): WebhookListener {
    return createWebhookListener({
      host: settings.bindAddress,
      port: settings.port,
      path: settings.path,
      getPublicKeys: () => this.keys.current(),
      publicRoutes: () => this.publicRoutes,
      probes: this.probes,
      parseOptions: () => ({
        now: this.clock.now(),
        resolveAssetId: (key) => this.assets.resolve(key),
        isKnownAsset: (assetId) => this.assets.isKnown(assetId),
        hasTimedFix: (assetId) => this.store.hasTimedFix(assetId),
      }),
      onEvents: (result: ParseResult) => this.applyEvents(result.events),
      logger: this.logger,
      clock: this.clock,
    })
  }

  /**
   * The one place parsed events enter the store, after the listener has answered: the fixes it
   * accepts (new latest positions and late trail points, not duplicates) are also handed to the
   * history recorder, which only buffers them (nothing here waits on the disk).
   */
  private applyEvents(events: readonly TelemetryEvent[]): void {
    const accepted: TelemetryEvent[] = []
    this.store.apply(events, accepted)
    if (accepted.length > 0) this.onAccepted(accepted)
  }

  /** Accepted fixes also go to `record` (the history recorder). */
  recordAcceptedWith(record: (events: TelemetryEvent[]) => void): void {
    this.onAccepted = record
  }

  /** The listener whose state the renderer sees (a candidate that failed to bind never is). */
  private adopt(listener: WebhookListener): void {
    listener.onStateChange((state) => {
      if (this.listener === listener) this.hub.emit('listener:state', state)
    })
    this.listener = listener
  }

  /** Seconds from the settings file to the store's status thresholds. */
  applyTelemetrySettings(settings: TelemetrySettings): void {
    this.store.setThresholds({
      staleAfterMs: settings.staleAfterSeconds * 1000,
      offlineAfterMs: settings.offlineAfterSeconds * 1000,
    })
    this.store.setTrailLimits({ maxPoints: settings.trailPoints, maxAgeMs: settings.trailMinutes * 60_000 })
  }

  /** The raw-event inspector's entries, oldest first (empty while the listener is off). */
  recentRawEvents(): RawEventRecord[] {
    return this.listener?.recentRawEvents() ?? []
  }

  listenerState(): ListenerState {
    return this.listener?.state() ?? OFF_STATE
  }

  /** The local URL Tagora's deliveries must reach (directly in the demo, through a tunnel otherwise). */
  localUrl(): string | null {
    const state = this.listenerState()
    return state.state === 'listening' ? state.url : null
  }

  /** The port the listener is bound to, or null when it is not listening. */
  boundPort(): number | null {
    const url = this.localUrl()
    return url ? Number(new URL(url).port) : null
  }

  /** Known devices: they appear as 'no-fix' until a position arrives, and define what is unknown. */
  useDevices(devices: readonly Device[]): void {
    this.store.registerAssets(this.assets.useDevices(devices))
  }

  /** Forgets every asset (a new session may belong to another organization). */
  reset(): void {
    this.assets.clear()
    this.store.clear()
  }

  get telemetry(): TelemetryStore {
    return this.store
  }

  async stop(): Promise<void> {
    this.pump.stop()
    this.cancelStatsTimer?.()
    await this.listener?.stop()
  }
}
