import { z } from 'zod'
import { invalid } from '../errors/zod-issue'
import { isSecureUrl } from '../net/secure-url'
import { connectionConfigSchema } from './connections'
import { upgradeStoredConnection } from './connection-upgrade'

/** The one settings file (settings.json in the data folder). Parsed here, trusted past this point. */
export const listenerSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  port: z.number().int().min(0).max(65535).default(8787),
  path: z
    .string()
    .regex(/^\/[\w\-./]*$/, 'path must start with / and hold only letters, digits, - _ . /')
    .default('/tagora/events'),
  /** Loopback by default: all interfaces only after an explicit choice. */
  bindAddress: z.enum(['127.0.0.1', '0.0.0.0']).default('127.0.0.1'),
})

export const webhookRecordSchema = z.object({
  webhookId: z.string(),
  name: z.string(),
  postUrl: z.string(),
  publicKeyPem: z.string(),
  /** As Tagora's 201 said it; 'ed25519' (the only documented one) when it said nothing: see `unstated`. */
  keyAlgorithm: z.string(),
  createdAt: z.string(),
  apiUrl: z.string(),
  /**
   * Tagora's isActive. Absent when the 201 did not say, and in files written before it was kept: both
   * are read as active (the webhook was just created, and so far every one has been). false: its key
   * is never used to verify deliveries.
   */
  isActive: z.boolean().optional(),
  /** Fields the 201 left out or sent empty, whose values above are this app's assumption. */
  unstated: z.array(z.string()).optional(),
})

/** Device sync: how often the list refreshes while signed in, and which statuses it asks for. */
export const deviceSyncSettingsSchema = z.object({
  refreshMinutes: z.number().int().min(1).max(1440).default(5),
  /** Sent as GET /devices?status=…; empty lists every status. */
  statusFilter: z.enum(['', 'active']).default(''),
})

/** When a vehicle that stopped reporting turns stale, then offline (status thresholds on fix age). */
export const telemetrySettingsSchema = z
  .object({
    staleAfterSeconds: z
      .number()
      .int()
      .min(5)
      .max(24 * 3600)
      .default(120),
    offlineAfterSeconds: z
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600)
      .default(600),
    /** Trail kept per vehicle: whichever limit is reached first. */
    trailMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    trailPoints: z.number().int().min(10).max(5000).default(500),
  })
  .refine((t) => t.offlineAfterSeconds > t.staleAfterSeconds, {
    message: 'offline must come after stale',
    path: ['offlineAfterSeconds'],
  })

export const mapSettingsSchema = z.object({
  /** Online tile URL template; empty means the offline basemap only. */
  tileUrl: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  tileAttribution: z.string().default('© OpenStreetMap contributors'),
  basemap: z.enum(['auto', 'online', 'offline']).default('auto'),
})

/**
 * Where live telemetry comes from: this desk's listener, or a Fleet Relay. The relay's address is kept
 * here; its desk key only in the keychain (never in this file).
 */
export const feedSettingsSchema = z.object({
  kind: z.enum(['listener', 'relay']).default('listener'),
  /** Read leniently, like apiUrl: the rule applies to every change (setFeedInputSchema). */
  relayUrl: z.string().default(''),
})

/** The Tagora API URL as the user sets it (login form, `settings:set-api-url`): https, or http to this computer. */
export const apiUrlInputSchema = z
  .string()
  .url(invalid('enter-api-url'))
  .refine(isSecureUrl, { message: invalid('needs-https') })

/** The history database: how long fixes and cleared alarms are kept, and how large the file may grow. */
export const historySettingsSchema = z.object({
  retentionDays: z.number().int().min(1).max(3650).default(30),
  /** MiB of data; past it the oldest fixes go first. */
  maxSizeMiB: z
    .number()
    .int()
    .min(64)
    .max(1024 * 1024)
    .default(2048),
})

/** The kinds of alarm the desk raises (shared/domain/alarms.ts). */
export const alarmKindSchema = z.enum(['stale', 'offline', 'speeding'])

/** What raises an alarm, and how it is announced: main detects, the renderer notifies and plays the sound. */
export const alarmSettingsSchema = z.object({
  speedLimitKmh: z.number().min(1).max(300).default(110),
  /** Desktop notifications besides the inbox. */
  notify: z.boolean().default(true),
  /** Kinds and vehicles that raise no alarm at all. */
  mutedKinds: z.array(alarmKindSchema).max(3).default([]),
  mutedAssetIds: z.array(z.string().min(1).max(200)).max(10_000).default([]),
  /** Kinds whose new alarms play the alarm sound (a short chime shipped with the app). */
  soundKinds: z.array(alarmKindSchema).max(3).default(['offline', 'speeding']),
  /** 0 to 1. */
  soundVolume: z.number().min(0).max(1).default(0.7),
  /** Silences the sound without forgetting which kinds play it. */
  soundMuted: z.boolean().default(false),
})

/** Installed Electron app only: whether it fetches new versions from the release feed (off until chosen). */
export const updateSettingsSchema = z.object({
  automatic: z.boolean().default(false),
})

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  /**
   * Read leniently on purpose: a file an older version wrote with a plain-http address still loads
   * (setting the whole file aside would lose webhooks and connections over one field). The token engine
   * refuses to send a password or token to such an address, and the login screen says so, until the
   * user changes it (apiUrlInputSchema applies to every change).
   */
  apiUrl: z.string().url().default('https://integration.tagora.com.mx/integration/v1'),
  lastEmail: z.string().nullable().default(null),
  listener: listenerSettingsSchema.prefault({}),
  webhooks: z.array(webhookRecordSchema).default([]),
  deviceSync: deviceSyncSettingsSchema.prefault({}),
  map: mapSettingsSchema.prefault({}),
  telemetry: telemetrySettingsSchema.prefault({}),
  /**
   * Other vendors' connections (issue 7): non-secret config only; secrets live in the keychain. Configs
   * an earlier version saved are read as it sent them (connection-upgrade.ts).
   */
  connections: z.array(z.preprocess(upgradeStoredConnection, connectionConfigSchema)).default([]),
  updates: updateSettingsSchema.prefault({}),
  feed: feedSettingsSchema.prefault({}),
  history: historySettingsSchema.prefault({}),
  alarms: alarmSettingsSchema.prefault({}),
})

export type Settings = z.infer<typeof settingsSchema>
export type ListenerSettings = z.infer<typeof listenerSettingsSchema>
export type WebhookRecord = z.infer<typeof webhookRecordSchema>
export type MapSettings = z.infer<typeof mapSettingsSchema>
export type TelemetrySettings = z.infer<typeof telemetrySettingsSchema>
export type DeviceSyncSettings = z.infer<typeof deviceSyncSettingsSchema>
export type FeedSettings = z.infer<typeof feedSettingsSchema>
export type HistorySettings = z.infer<typeof historySettingsSchema>
export type AlarmSettings = z.infer<typeof alarmSettingsSchema>

export function defaultSettings(): Settings {
  return settingsSchema.parse({})
}
