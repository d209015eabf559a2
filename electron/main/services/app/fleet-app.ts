import type { Device } from '../../../../shared/domain/device'
import type { SessionState } from '../../../../shared/domain/session'
import type { AppSnapshot } from '../../../../shared/ipc/contract'
import type { Settings } from '../../../../shared/schemas/settings'
import type { Clock } from '../ports/clock'
import type { PowerEvents } from '../ports/power-events'
import type { SecretStore } from '../ports/secret-store'
import type { Logger } from '../logging/logger'
import { SettingsStore } from '../settings/settings-store'
import { createTagoraClient } from '../tagora/tagora-client'
import { TagoraSession } from '../session/tagora-session'
import { DeviceSync } from '../devices/device-sync'
import type { CallHandlers } from './call-handlers'
import { DemoMode } from './demo-mode'
import { UserFacingError } from './dispatch-call'
import { EventHub } from './event-hub'
import { TelemetryPipeline } from './telemetry-pipeline'
import { WebhookKeys } from './webhook-keys'
import { registerDemoWebhook } from './register-demo-webhook'

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
  openExternal(url: string): Promise<void>
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
  private readonly keys: WebhookKeys
  /** Webhooks registered in demo mode: kept in memory only, never in the user's settings. */
  private demoWebhooks: Settings['webhooks'] = []
  settingsNotice: string | null = null
  private lastPhase: SessionState['phase'] = 'signed-out'

  constructor(private readonly options: FleetAppOptions) {
    const { clock, logger } = options
    this.settings = new SettingsStore(options.dataDir, logger)
    this.keys = new WebhookKeys(logger)
    this.telemetry = new TelemetryPipeline(this.hub, this.keys, clock, logger)
    this.demo = new DemoMode(logger)
    this.session = new TagoraSession({
      clock,
      logger,
      secretStore: options.secretStore,
      powerEvents: options.powerEvents,
      createClient: (apiUrl) => createTagoraClient({ baseUrl: apiUrl, logger }),
    })
    this.devices = new DeviceSync({ session: this.session, logger, clock })
    this.session.onChange((state) => this.onSessionChange(state))
    this.devices.onChange((devices, syncState) => {
      this.telemetry.useDevices(devices)
      this.hub.emit('devices:list', devices)
      this.hub.emit('devices:sync-state', syncState)
    })
    this.settings.onChange((settings) => this.hub.emit('settings:changed', settings))
  }

  /** Loads settings, starts the listener, and signs in silently when the user chose to stay signed in. */
  async start(): Promise<void> {
    const loaded = await this.settings.load()
    this.settingsNotice = loaded.notice
    await this.telemetry.applyListenerSettings(this.listenerSettings())
    this.keys.use(loaded.settings.webhooks, this.apiUrl())
    const email = loaded.settings.lastEmail
    if (email) await this.session.restore({ apiUrl: this.apiUrl(), email })
  }

  async stop(): Promise<void> {
    this.devices.cancel()
    await this.telemetry.stop()
    await this.demo.stop()
  }

  /** The API in use: the simulator's in demo mode, else TAGORA_API_URL, else the settings field. */
  apiUrl(): string {
    return this.demo.running?.apiBaseUrl ?? this.options.apiUrlOverride ?? this.settings.get().apiUrl
  }

  snapshot(): AppSnapshot {
    return {
      session: this.session.state(),
      devices: this.devices.devices(),
      deviceSync: this.devices.state(),
      listener: this.telemetry.listenerState(),
      settings: this.settings.get(),
      telemetry: this.telemetry.telemetry.snapshotBatch(),
      host: this.options.host,
      notice: this.settingsNotice,
    }
  }

  readonly handlers: CallHandlers = {
    'app:get-snapshot': () => Promise.resolve(this.snapshot()),
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
    'devices:refresh': () => this.devices.refresh(),
    'telemetry:get-trail': ({ assetId }) => Promise.resolve(this.telemetry.telemetry.trail(assetId)),
    'telemetry:get-asset': ({ assetId }) => Promise.resolve(this.telemetry.telemetry.detail(assetId)),
    'settings:set-api-url': async ({ apiUrl }) => {
      if (this.session.state().phase !== 'signed-out') {
        throw new UserFacingError('signed-in', 'Sign out before changing the API URL.')
      }
      return this.settings.update((s) => ({ ...s, apiUrl }))
    },
    'settings:set-listener': async (change) => {
      const next = await this.settings.update((s) => ({ ...s, listener: { ...s.listener, ...change } }))
      await this.telemetry.applyListenerSettings(this.listenerSettings())
      return next
    },
    'settings:set-map': (change) => this.settings.update((s) => ({ ...s, map: { ...s.map, ...change } })),
    'shell:open-external': ({ url }) => this.options.openExternal(url),
  }

  /** Demo: simulator in-process → sign in → devices → webhook to the local listener. */
  async startDemo(): Promise<SessionState> {
    if (!this.telemetry.localUrl()) {
      const listener = this.telemetry.listenerState()
      throw new UserFacingError(
        'listener-unavailable',
        `The demo needs the local listener, which is not running${listener.error ? `: ${listener.error}` : '.'}`,
      )
    }
    await this.session.signOut()
    const simulator = await this.demo.start()
    const { email, password } = simulator.credentials
    await this.session.signIn({ apiUrl: simulator.apiBaseUrl, email, password, remember: false, demo: true })
    await this.devices.refresh()
    const record = await registerDemoWebhook(
      this.session,
      this.telemetry.localUrl() ?? '',
      simulator.apiBaseUrl,
      this.devices.devices(),
    )
    this.demoWebhooks = [record]
    this.keys.use(this.demoWebhooks, simulator.apiBaseUrl)
    return this.session.state()
  }

  private listenerSettings(): Settings['listener'] {
    const listener = this.settings.get().listener
    const port = this.options.listenerPortOverride
    return port === undefined ? listener : { ...listener, port }
  }

  private syncInBackground(): void {
    void this.devices
      .refresh()
      .catch((error: unknown) => this.options.logger.warn('device sync failed', { error }))
  }

  private onSessionChange(state: SessionState): void {
    const previous = this.lastPhase
    this.lastPhase = state.phase
    this.hub.emit('session:state', state)
    // A fresh session (sign-in, demo or silent restore) lists the fleet; renewals do not.
    if (state.phase === 'signed-in' && (previous === 'signed-out' || previous === 'signing-in'))
      this.syncInBackground()
    if (state.phase === 'signed-out') {
      this.devices.cancel()
      this.telemetry.reset()
      this.hub.emit('devices:list', [] as Device[])
      if (this.demo.running) void this.demo.stop()
      this.demoWebhooks = []
      this.keys.use(this.settings.get().webhooks, this.apiUrl())
    }
  }
}
