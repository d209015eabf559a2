import type { Device } from '../../shared/domain/device'
import { DEVICE_LIST_PART_SIZE, splitDeviceList } from '../../shared/domain/device-list-parts'
import type { SessionState } from '../../shared/domain/session'
import type { AppSnapshot } from '../../shared/ipc/contract'
import type { Settings } from '../../shared/schemas/settings'
import type { Clock } from '../ports/clock'
import type { PowerEvents } from '../ports/power-events'
import type { SecretStore } from '../ports/secret-store'
import type { VideoPortalOpener } from '../ports/video-portal'
import type { Logger } from '../logging/logger'
import { SettingsStore } from '../settings/settings-store'
import { createTagoraClient } from '../tagora/tagora-client'
import { TagoraSession } from '../session/tagora-session'
import { DeviceSync } from '../devices/device-sync'
import { SyncScheduler } from '../devices/sync-scheduler'
import { WebhookService } from '../webhooks/webhook-service'
import { probePublicUrl } from '../webhooks/public-url-probe'
import type { ResolveOverride } from '../webhooks/public-url-probe'
import { ConnectionsService } from '../connections/connections-service'
import type { CallHandlers } from './call-handlers'
import { probeApi } from '../health/api-probe'
import { DemoMode } from './demo-mode'
import type { StartDemoServer } from '../ports/demo-server'
import { EventHub } from './event-hub'
import { TelemetryPipeline } from './telemetry-pipeline'
import { WebhookKeys } from './webhook-keys'
import { FeedControl } from './feed-control'
import { createWsRelayLink } from '../adapters/ws-relay-link'
import type { ConnectRelay } from '../ports/relay-link'
import { AppError } from '../../shared/domain/errors'
import { PendingWrites, trackedSecretStore } from './pending-writes'
import type { HistoryWorkerSpec } from '../history/history-client'
import { ShiftMemory } from './shift-memory'
import { NoticeQueue } from './notice-queue'
import { settingsHandlers } from './settings-handlers'
import { memoryHandlers } from './memory-handlers'

export interface FleetAppOptions {
  dataDir: string
  host: 'electron' | 'web'
  /** TAGORA_API_URL: overrides the settings field for this run without persisting it. */
  apiUrlOverride?: string
  /** --listener-port: overrides the listener port for this run. */
  listenerPortOverride?: number
  secretStore: SecretStore
  powerEvents: PowerEvents
  clock: Clock
  logger: Logger
  /** Starts the bundled simulator for "Try the demo" (tools/simulator/demo-server.ts). */
  startDemoServer?: StartDemoServer
  /** `--resolve`: where "Test the public URL" reaches a public host instead of through DNS. */
  resolveOverride?: ResolveOverride
  /** Electron: opens (or focuses) the pop-out map window and returns true. Absent in the browser host. */
  openMapWindow?: () => boolean
  /** How this host shows 8x8's Agent Portal (its own window, or a one-time local redirect for a tab). */
  videoPortal?: VideoPortalOpener
  /** --relay-url/--relay-key: this run follows that Fleet Relay instead of the feed in settings. */
  relayOverride?: { url: string; key: string } | undefined
  /** How the desk reaches a relay (default: the ws adapter, honouring resolveOverride). */
  connectRelay?: ConnectRelay
  /** The history worker's script (built: history-worker.js beside the entry). Absent: no history. */
  historyWorker?: HistoryWorkerSpec
}

/**
 * The whole app minus its windows: settings, session, devices, telemetry, demo mode. Both hosts build
 * one of these and bind its handlers and events to their transport (design rule 3).
 */
export class FleetApp {
  readonly hub = new EventHub()
  readonly settings: SettingsStore
  readonly session: TagoraSession
  readonly devices: DeviceSync
  readonly telemetry: TelemetryPipeline
  readonly demo: DemoMode
  readonly webhooks: WebhookService
  /** Other vendors' connections (issue 7). */
  readonly connections: ConnectionsService
  /** This desk's listener or a Fleet Relay (issue 16). */
  readonly feed: FeedControl
  /** Positions, replay and the alarm inbox that outlive a restart (issue 15). */
  readonly memory: ShiftMemory
  /** One handler per contract call; the hosts bind these to their transport. */
  readonly handlers: CallHandlers
  private readonly keys: WebhookKeys
  private readonly syncSchedule: SyncScheduler
  /** --listener-port wins until the user picks a port in the app. */
  private listenerPortOverride: number | undefined
  private readonly notices = new NoticeQueue((notice) => this.hub.emit('app:notice', notice))
  private lastPhase: SessionState['phase'] = 'signed-out'
  private deviceListId = 0
  /** Keychain writes in flight: stop() lets them land before the session is disposed. */
  private readonly writes = new PendingWrites()
  /** Settles once start() has read the settings file (or failed to): a snapshot waits for it. */
  private settingsRead: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: FleetAppOptions) {
    const { clock, logger } = options
    const secretStore = trackedSecretStore(options.secretStore, this.writes)
    this.settings = new SettingsStore(options.dataDir, logger)
    this.keys = new WebhookKeys(logger)
    this.telemetry = new TelemetryPipeline(this.hub, this.keys, clock, logger)
    this.demo = new DemoMode(logger, options.startDemoServer)
    this.memory = new ShiftMemory({
      telemetry: this.telemetry,
      worker: options.historyWorker,
      clock,
      logger,
      settings: () => this.settings.get(),
      user: () => this.session.state().email ?? '',
      notice: (notice) => this.notices.add(notice),
      alarmsChanged: (change) => this.hub.emit('alarms:changed', change),
    })
    this.session = new TagoraSession({
      clock,
      logger,
      secretStore,
      powerEvents: options.powerEvents,
      createClient: (apiUrl) => createTagoraClient({ baseUrl: apiUrl, logger }),
    })
    this.devices = new DeviceSync({ session: this.session, logger, clock })
    this.listenerPortOverride = options.listenerPortOverride
    this.webhooks = new WebhookService({
      session: this.session,
      clock,
      logger,
      settings: this.settings,
      apiUrl: () => this.apiUrl(),
      devices: () => this.devices.devices(),
      onChange: (state) => this.hub.emit('webhooks:state', state),
      onScopeItems: (items) => this.telemetry.useScopeItems(items),
      onRecords: (records) => {
        this.keys.use(records, this.apiUrl())
        this.telemetry.usePostUrls(records.map((record) => record.postUrl))
      },
    })
    this.connections = new ConnectionsService({
      configs: {
        list: () => this.settings.get().connections,
        write: async (connections) => void (await this.settings.update((s) => ({ ...s, connections }))),
      },
      secretStore,
      clock,
      logger,
      powerEvents: options.powerEvents,
      onStatus: (status) => this.hub.emit('connections:status', status),
      ...(options.videoPortal && { videoPortal: options.videoPortal }),
    })
    this.feed = new FeedControl({
      settings: this.settings,
      secretStore: options.secretStore,
      pipeline: this.telemetry,
      listenerSettings: () => this.listenerSettings(),
      connect: options.connectRelay ?? createWsRelayLink({ resolve: options.resolveOverride }),
      clock,
      logger,
      emit: (state) => this.hub.emit('feed:state', state),
      override: options.relayOverride,
    })
    this.syncSchedule = new SyncScheduler({
      clock,
      logger,
      refresh: () => this.syncAll(),
      intervalMs: () => this.settings.get().deviceSync.refreshMinutes * 60_000,
    })
    options.powerEvents.onResume(() => {
      void this.syncSchedule.kick()
      // A keyring locked (or a prompt dismissed) at start is usually unlocked with the screen: ask again.
      if (!this.session.state().rememberAvailable) void this.session.checkKeychain()
    })
    this.session.onChange((state) => this.onSessionChange(state))
    let lastList: Device[] | null = null
    this.devices.onChange((devices, syncState) => {
      // Progress updates repeat the same list: ship and index a 100k-device list only when it changed.
      if (devices !== lastList) {
        lastList = devices
        this.telemetry.useDevices(devices)
        this.emitDeviceList(devices)
        this.webhooks.devicesChanged()
      }
      this.hub.emit('devices:sync-state', syncState)
    })
    this.settings.onChange((settings) => this.hub.emit('settings:changed', settings))
    this.handlers = this.buildHandlers()
  }

  /** Loads settings, starts the listener, and signs in silently when the user chose to stay signed in. */
  async start(): Promise<void> {
    // Assigned before the first await: a window shown while start() runs asks for its snapshot at once.
    const loading = this.settings.load()
    this.settingsRead = loading.catch(() => undefined)
    const loaded = await loading
    if (loaded.notice) this.notices.add(loaded.notice)
    this.telemetry.applyTelemetrySettings(loaded.settings.telemetry)
    this.telemetry.useListener(this.feed.wantsListener())
    await this.memory.start(this.options.dataDir, loaded.settings)
    await this.telemetry.applyListenerSettings(this.listenerSettings())
    await this.feed.start()
    this.webhooks.recordsChanged()
    // Vendors answer at their own pace: start-up does not wait for them (each reports its own state).
    void this.connections.connectAll()
    const email = loaded.settings.lastEmail
    if (email) await this.session.restore({ apiUrl: this.apiUrl(), email })
  }

  /**
   * Ends the run; resolves when every write has landed. Keychain writes settle before the session is
   * disposed: a save that lands after it would be taken for a stale one and forgotten.
   */
  async stop(): Promise<void> {
    this.connections.dispose()
    this.syncSchedule.stop()
    this.devices.cancel()
    this.feed.stop()
    await this.telemetry.stop()
    // After the listener: every fix it accepted is handed over before the file closes.
    await this.memory.stop()
    await this.demo.stop()
    await this.writes.settled()
    this.session.dispose()
    await this.settings.written()
    await this.writes.settled()
  }

  /** The API in use: the simulator's in demo mode, else TAGORA_API_URL, else the settings field. */
  apiUrl(): string {
    return this.demo.running?.apiBaseUrl ?? this.options.apiUrlOverride ?? this.settings.get().apiUrl
  }

  snapshot(): AppSnapshot {
    const devices = this.devices.devices()
    const large = devices.length > DEVICE_LIST_PART_SIZE
    // A large list follows the snapshot in slices, so the renderer never parses it in one piece.
    if (large) this.options.clock.setTimer(() => this.emitDeviceList(devices), 0)
    return {
      session: this.session.state(),
      devices: large ? [] : devices,
      deviceSync: this.devices.state(),
      webhooks: this.webhooks.state(),
      listener: this.telemetry.listenerState(),
      feed: this.feed.state(),
      settings: this.settings.get(),
      telemetry: this.telemetry.telemetry.snapshotBatch(),
      host: this.options.host,
      apiUrlOverride: this.options.apiUrlOverride ?? null,
      notice: this.notices.current(),
      alarms: this.memory.alarmCounts(),
    }
  }

  private buildHandlers(): CallHandlers {
    return {
      'app:get-snapshot': async () => {
        await this.settingsRead
        return this.snapshot()
      },
      'app:dismiss-notice': () => {
        this.notices.dismiss()
        return Promise.resolve()
      },
      'session:sign-in': async ({ email, password, remember }) => {
        await this.demo.stop()
        await this.session.signIn({ apiUrl: this.apiUrl(), email, password, remember })
        await this.settings.update((s) => ({ ...s, lastEmail: remember ? email : null }))
        return this.session.state()
      },
      'session:start-demo': () => this.startDemo(),
      'session:sign-out': async () => {
        await this.session.signOut()
        return this.session.state()
      },
      'devices:refresh': () => this.syncAll(),
      'telemetry:get-trail': ({ assetId }) => Promise.resolve(this.telemetry.telemetry.trail(assetId)),
      'telemetry:get-asset': ({ assetId }) => Promise.resolve(this.telemetry.telemetry.detail(assetId)),
      ...settingsHandlers({
        settings: this.settings,
        session: this.session,
        webhooks: this.webhooks,
        telemetry: this.telemetry,
        feed: this.feed,
        memory: this.memory,
        syncSchedule: this.syncSchedule,
        listenerSettings: () => this.listenerSettings(),
        dropPortOverride: () => (this.listenerPortOverride = undefined),
      }),
      ...memoryHandlers(this.memory),
      'webhooks:register': (input) => this.webhooks.register(input),
      'webhooks:refresh-scopes': () => this.webhooks.refreshScopes(),
      'webhooks:get-scope': ({ webhookId }) => this.webhooks.scopeDevices(webhookId),
      'webhooks:test-public': ({ webhookId }) => this.testPublicUrl(webhookId),
      'health:probe-api': () => probeApi(this.apiUrl(), { clock: this.options.clock }),
      'listener:recent-events': () => Promise.resolve(this.telemetry.recentRawEvents()),
      'window:pop-out-map': () => Promise.resolve({ opened: this.options.openMapWindow?.() ?? false }),
      'connections:list': () => this.connections.list(),
      'connections:save': ({ config, secret }) => this.connections.save(config, secret),
      'connections:remove': ({ id }) => this.connections.remove(id),
      'connections:test': ({ id }) => this.connections.test(id),
      'connections:open-video-portal': (input) => this.connections.openVideoPortal(input),
    }
  }

  /** Demo: simulator in-process → sign in → devices → webhook to the local listener. */
  async startDemo(): Promise<SessionState> {
    if (!this.telemetry.localUrl()) {
      const { problem } = this.telemetry.listenerState()
      throw new AppError({ code: 'listener-unavailable', ...(problem && { facts: { cause: problem } }) })
    }
    await this.session.signOut()
    const simulator = await this.demo.start()
    const { email, password } = simulator.credentials
    await this.session.signIn({ apiUrl: simulator.apiBaseUrl, email, password, remember: false, demo: true })
    await this.devices.refresh()
    await this.webhooks.register({
      name: 'Fleet Monitor demo',
      postUrl: this.telemetry.localUrl() ?? '',
      demo: true,
    })
    return this.session.state()
  }

  /** Probes a registered webhook's public URL: does Tagora's route reach this listener? */
  private testPublicUrl(webhookId: string): ReturnType<typeof probePublicUrl> {
    const record = this.webhooks.records().find((r) => r.webhookId === webhookId)
    if (!record) {
      return Promise.reject(new AppError({ code: 'unknown-webhook', facts: { webhookId } }))
    }
    return probePublicUrl(record, {
      probes: this.telemetry.probes,
      clock: this.options.clock,
      listener: () => ({ port: this.telemetry.boundPort(), path: this.listenerSettings().path }),
      ...(this.options.resolveOverride && { resolve: this.options.resolveOverride }),
    })
  }

  /** Small lists travel whole; large ones in slices the renderer reassembles (device-list-parts.ts). */
  private emitDeviceList(devices: Device[]): void {
    if (devices.length <= DEVICE_LIST_PART_SIZE) return this.hub.emit('devices:list', devices)
    this.deviceListId += 1
    for (const part of splitDeviceList(devices, this.deviceListId)) this.hub.emit('devices:list-part', part)
  }

  private listenerSettings(): Settings['listener'] {
    const listener = this.settings.get().listener
    const port = this.listenerPortOverride
    return port === undefined ? listener : { ...listener, port }
  }

  /** Devices (with the configured status filter), then every webhook's scope. */
  private async syncAll(): Promise<Awaited<ReturnType<DeviceSync['refresh']>>> {
    const state = await this.devices.refresh(this.settings.get().deviceSync.statusFilter || undefined)
    if (state.phase !== 'error' && this.session.state().phase !== 'signed-out') {
      await this.webhooks.refreshScopes()
    }
    return state
  }

  private syncInBackground(): void {
    void this.syncAll().catch((error: unknown) => this.options.logger.warn('device sync failed', { error }))
  }

  private onSessionChange(state: SessionState): void {
    const previous = this.lastPhase
    this.lastPhase = state.phase
    this.hub.emit('session:state', state)
    this.memory.sessionChanged(state)
    // A fresh session (sign-in, demo or silent restore) lists the fleet; renewals do not.
    if (state.phase === 'signed-in' && (previous === 'signed-out' || previous === 'signing-in')) {
      this.syncInBackground()
      this.syncSchedule.start()
    }
    if (state.phase === 'signed-out') {
      this.syncSchedule.stop()
      // Cancels a running sync and forgets the list (another account may sign in next).
      this.devices.clear()
      this.telemetry.reset()
      this.feed.resync()
      if (this.demo.running) void this.demo.stop()
      this.webhooks.reset()
    }
  }
}
