import { z } from 'zod'
import type { AssetDetail, TelemetryBatch, TrailPoint } from '../domain/telemetry'
import type { FleetFrame, HistoryHealth, HistoryRange, HistoryTracks } from '../domain/history'
import type { Alarm, AlarmCounts, AlarmsChange } from '../domain/alarms'
import { MAX_ALARM_NOTE } from '../domain/alarms'
import type { Device, DeviceSyncState } from '../domain/device'
import type { DeviceListPart } from '../domain/device-list-parts'
import type { AppCommand } from '../domain/app-command'
import { invalid } from '../errors/zod-issue'
import type { ApiProbe } from '../domain/health'
import type { AppErrorInfo } from '../domain/errors'
import type { FeedState } from '../domain/feed'
import type { ListenerState, RawEventRecord } from '../domain/listener'
import type { PublicUrlTestResult } from '../domain/public-url-test'
import type { SessionState } from '../domain/session'
import type { ScopeDevice, WebhooksState, WebhookView } from '../domain/webhook'
import type { Settings } from '../schemas/settings'
import type {
  ConnectionEntry,
  ConnectionStatus,
  ConnectionTestResult,
  VideoPortalResult,
} from '../domain/connections'
import { saveConnectionInputSchema } from '../schemas/connection-secret'
import { videoPortalInputSchema } from '../schemas/video-portal'
import { WEBHOOK_ID_PATTERN } from '../domain/webhook'
import { changeOf } from '../schemas/change-of'
import { setFeedInputSchema } from '../schemas/feed'
import {
  alarmKindSchema,
  alarmSettingsSchema,
  apiUrlInputSchema,
  deviceSyncSettingsSchema,
  historySettingsSchema,
  listenerSettingsSchema,
  mapSettingsSchema,
} from '../schemas/settings'

/** Declares a call's result type without a runtime value (results come from our own main process). */
function returns<T>(): T {
  return undefined as T
}

/** Everything the renderer needs at start-up or after its transport reconnects. */
export interface AppSnapshot {
  session: SessionState
  /** The device list when it is small; a large one follows as 'devices:list-part' events instead. */
  devices: Device[]
  deviceSync: DeviceSyncState
  listener: ListenerState
  /** Where live telemetry comes from: this desk's listener or a Fleet Relay, and the relay link's state. */
  feed: FeedState
  settings: Settings
  /** Registered webhooks, their scopes and the devices outside every scope. */
  webhooks: WebhooksState
  /** Every asset with a known position, as one batch. */
  telemetry: TelemetryBatch
  /** A problem found at start-up the user must hear about once (e.g. a corrupt settings file). */
  notice: AppErrorInfo | null
  /** 'electron' or 'web': lets the UI word things for its host. */
  host: 'electron' | 'web'
  /** TAGORA_API_URL when set: sign-in goes there this run, whatever the settings hold. */
  apiUrlOverride: string | null
  /** The alarm inbox's totals by state (the bell shows the new ones). */
  alarms: AlarmCounts
}

/**
 * Renderer → main calls. One entry per call: channel name (`feature:verb-noun`), the zod schema of
 * its single argument (checked in main before any handler runs), and its result type.
 */
const webhookIdOverride = z.string().trim().regex(WEBHOOK_ID_PATTERN, invalid('webhook-id')).optional()

/** A moment in the history: epoch ms between 2000 and 2100 (anything else is a mistake, not a date). */
const historyTime = z.number().int().min(946_684_800_000).max(4_102_444_800_000)

export const callContract = {
  /** Full state for a (re)starting renderer. */
  'app:get-snapshot': { input: z.void(), result: returns<AppSnapshot>() },
  /** The user read the start-up notice: it is not shown again this run (reconnects, new windows). */
  'app:dismiss-notice': { input: z.void(), result: returns<void>() },
  /** Password sign-in to the configured Tagora API. */
  'session:sign-in': {
    input: z.object({
      email: z.string().trim().email(invalid('enter-email')),
      password: z.string().min(1, invalid('enter-password')),
      remember: z.boolean(),
    }),
    result: returns<SessionState>(),
  },
  /** Starts the bundled simulator in-process and signs in to it ("Try the demo"). */
  'session:start-demo': { input: z.void(), result: returns<SessionState>() },
  /** Ends the session and forgets the stored renew token. */
  'session:sign-out': { input: z.void(), result: returns<SessionState>() },
  /** Re-fetches every page of devices now. */
  'devices:refresh': { input: z.void(), result: returns<DeviceSyncState>() },
  /** Trail of one asset, oldest first. */
  'telemetry:get-trail': { input: z.object({ assetId: z.string().min(1) }), result: returns<TrailPoint[]>() },
  /** Latest fix and every extra field of one asset. */
  'telemetry:get-asset': {
    input: z.object({ assetId: z.string().min(1) }),
    result: returns<AssetDetail | null>(),
  },
  /** Changes the API base URL (signed out only): https, or plain http to this computer only. */
  'settings:set-api-url': {
    input: z.object({ apiUrl: apiUrlInputSchema }),
    result: returns<Settings>(),
  },
  /** Changes listener settings and restarts the listener. */
  'settings:set-listener': { input: changeOf(listenerSettingsSchema), result: returns<Settings>() },
  /** Chooses the feed (this desk's listener, or a relay with its desk key, kept in the keychain). */
  'settings:set-feed': { input: setFeedInputSchema, result: returns<FeedState>() },
  /** Changes the device sync period and status filter; the schedule follows at once. */
  'settings:set-device-sync': { input: changeOf(deviceSyncSettingsSchema), result: returns<Settings>() },
  /** Registers a webhook to a public https URL (checked like the API does) and keeps its record. */
  'webhooks:register': {
    input: z.object({
      name: z.string().trim().min(1, invalid('name-webhook')).max(120),
      postUrl: z.string().trim().min(1, invalid('post-url-empty')).max(2000),
      /** Advanced override of the ids the session's token gives (docs/tagora-api.md). */
      organizationId: webhookIdOverride,
      userId: webhookIdOverride,
    }),
    result: returns<WebhookView>(),
  },
  /** Fetches every webhook's scope now. */
  'webhooks:refresh-scopes': { input: z.void(), result: returns<WebhooksState>() },
  /** The devices one webhook carries, from its last fetched scope. */
  'webhooks:get-scope': {
    input: z.object({ webhookId: z.string().min(1) }),
    result: returns<ScopeDevice[]>(),
  },
  /** Sends a one-time probe to a webhook's public postUrl and says whether it came back to this listener. */
  'webhooks:test-public': {
    input: z.object({ webhookId: z.string().min(1).max(200) }),
    result: returns<PublicUrlTestResult>(),
  },
  /** Changes basemap settings. */
  'settings:set-map': { input: changeOf(mapSettingsSchema), result: returns<Settings>() },
  /** Status thresholds; checked again after merging, so offline always comes after stale. */
  'settings:set-telemetry': {
    input: z.object({
      staleAfterSeconds: z
        .number()
        .int()
        .min(5)
        .max(24 * 3600)
        .optional(),
      offlineAfterSeconds: z
        .number()
        .int()
        .min(10)
        .max(7 * 24 * 3600)
        .optional(),
      trailMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .optional(),
      trailPoints: z.number().int().min(10).max(5000).optional(),
    }),
    result: returns<Settings>(),
  },
  /** Opens an http(s) URL in the system browser. */
  /** One unauthenticated round trip to the API base URL (any HTTP answer means reachable). */
  'health:probe-api': { input: z.void(), result: returns<ApiProbe>() },
  /** The raw-event inspector: the last webhook bodies received, accepted and rejected, oldest first. */
  'listener:recent-events': { input: z.void(), result: returns<RawEventRecord[]>() },
  /** Electron opens a second window with the map only; elsewhere { opened: false } (the page opens a tab). */
  'window:pop-out-map': { input: z.void(), result: returns<{ opened: boolean }>() },
  /** First and last recorded fix of the signed-in organization (replay's timeline bounds). */
  'history:range': { input: z.void(), result: returns<HistoryRange>() },
  /** Recorded fixes of up to 200 vehicles over a range, oldest first (replay and track exports). */
  'history:tracks': {
    input: z
      .object({
        assetIds: z.array(z.string().min(1).max(200)).min(1).max(200),
        from: historyTime,
        to: historyTime,
      })
      .refine((range) => range.to > range.from, { message: invalid('history-range'), path: ['to'] }),
    result: returns<HistoryTracks>(),
  },
  /** Every vehicle's last recorded fix at or before `at`: the whole fleet rewound to that moment. */
  'history:fleet-at': { input: z.object({ at: historyTime }), result: returns<FleetFrame>() },
  /** The history database for the Health panel: size, rows, oldest fix, write rate, last error. */
  'history:health': { input: z.void(), result: returns<HistoryHealth>() },
  /** Retention (days) and size cap (MiB) of the history; pruning follows at once, in small steps. */
  'settings:set-history': { input: changeOf(historySettingsSchema), result: returns<Settings>() },
  /** The alarm inbox, newest first, filtered by state, kind and vehicle (at most `limit`, 5,000). */
  'alarms:list': {
    input: z.object({
      state: z.enum(['new', 'acknowledged', 'cleared']).optional(),
      kind: alarmKindSchema.optional(),
      assetId: z.string().min(1).max(200).optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    }),
    result: returns<Alarm[]>(),
  },
  /** Acknowledges one alarm (id), every new one of a kind, or every new one (neither), with an optional note. */
  'alarms:acknowledge': {
    input: z
      .object({
        id: z.number().int().min(1).optional(),
        kind: alarmKindSchema.optional(),
        note: z.string().max(MAX_ALARM_NOTE).optional(),
      })
      .refine((target) => target.id === undefined || target.kind === undefined, {
        message: invalid('invalid-input'),
      }),
    result: returns<{ acknowledged: number }>(),
  },
  /** What raises alarms (speed limit, muted kinds and vehicles) and how they sound and notify. */
  'settings:set-alarms': { input: changeOf(alarmSettingsSchema), result: returns<Settings>() },
  /** Vendor connections (Agora, 8x8, Nugios, Tavio): configs with live token status, never a secret. */
  'connections:list': { input: z.void(), result: returns<ConnectionEntry[]>() },
  /** Adds or edits a connection; the secret goes to the keychain (omitted on edit: keep the stored one). */
  'connections:save': { input: saveConnectionInputSchema, result: returns<ConnectionEntry[]>() },
  /** Removes a connection and forgets its keychain secret. */
  'connections:remove': { input: z.object({ id: z.string().min(1) }), result: returns<ConnectionEntry[]>() },
  /** Obtains a token now and makes the scheme's test call: scheme, lifetime, next renewal. */
  'connections:test': { input: z.object({ id: z.string().min(1) }), result: returns<ConnectionTestResult>() },
  /**
   * 8x8 "Video call": a token (and a room, when asked) for the connection's agent, then the Agent Portal
   * opened signed in with it. The token never crosses: Electron opens the portal window itself, the
   * browser host answers a one-time local path the page opens in a new tab.
   */
  'connections:open-video-portal': { input: videoPortalInputSchema, result: returns<VideoPortalResult>() },
} as const

/** Main → renderer events. Pushed events carry batches or whole states, never one item per message. */
export interface EventContract {
  'session:state': SessionState
  'devices:list': Device[]
  /** A large device list, in slices (see device-list-parts.ts); replaces the list once complete. */
  'devices:list-part': DeviceListPart
  'devices:sync-state': DeviceSyncState
  'listener:state': ListenerState
  /** The feed's choice or the relay link's state changed (connected, reconnecting, refused). */
  'feed:state': FeedState
  'settings:changed': Settings
  'webhooks:state': WebhooksState
  /** One vendor connection's token status changed (renewed, retrying, needs attention). */
  'connections:status': ConnectionStatus
  'telemetry:batch': TelemetryBatch
  /** From the Electron application menu: run this command in the focused window. */
  'app:command': AppCommand
  /** A notice raised after start-up (the history file was moved aside), or null once all are read. */
  'app:notice': AppErrorInfo | null
  /** Alarms raised or changed, with the inbox's new totals. */
  'alarms:changed': AlarmsChange
}

export type CallName = keyof typeof callContract
export type CallInput<K extends CallName> = z.input<(typeof callContract)[K]['input']>
export type CallResult<K extends CallName> = (typeof callContract)[K]['result']
export type EventName = keyof EventContract
export type EventPayload<K extends EventName> = EventContract[K]
