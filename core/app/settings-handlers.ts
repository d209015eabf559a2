import type { Settings } from '../../shared/schemas/settings'
import { telemetrySettingsSchema } from '../../shared/schemas/settings'
import { AppError } from '../../shared/domain/errors'
import { infoOfIssues } from '../../shared/errors/zod-issue'
import type { SettingsStore } from '../settings/settings-store'
import type { TagoraSession } from '../session/tagora-session'
import type { WebhookService } from '../webhooks/webhook-service'
import type { SyncScheduler } from '../devices/sync-scheduler'
import type { CallHandlers } from './call-handlers'
import type { FeedControl } from './feed-control'
import type { ShiftMemory } from './shift-memory'
import type { TelemetryPipeline } from './telemetry-pipeline'

type SettingsCall = Extract<keyof CallHandlers, `settings:${string}`>

export interface SettingsHandlerParts {
  settings: SettingsStore
  session: TagoraSession
  webhooks: WebhookService
  telemetry: TelemetryPipeline
  feed: FeedControl
  memory: ShiftMemory
  syncSchedule: SyncScheduler
  /** The listener settings in force (settings.json, unless --listener-port overrides the port). */
  listenerSettings: () => Settings['listener']
  /** The user picked a port in the app: --listener-port stops winning. */
  dropPortOverride: () => void
}

/**
 * Every `settings:*` call: each writes its group of settings.json and tells the part that uses it, so
 * a change that part refuses (a busy port, an invalid value) leaves the file as it was.
 */
export function settingsHandlers(parts: SettingsHandlerParts): Pick<CallHandlers, SettingsCall> {
  const { settings, session, webhooks, telemetry, feed, memory, syncSchedule } = parts
  return {
    'settings:set-api-url': async ({ apiUrl }) => {
      if (session.state().phase !== 'signed-out') throw new AppError({ code: 'signed-in' })
      const next = await settings.update((s) => ({ ...s, apiUrl }))
      webhooks.recordsChanged()
      return next
    },
    'settings:set-listener': async (change) => {
      const bound = telemetry.boundPort()
      // A change that names no port keeps the bound one: a port-0 listener would otherwise move under its tunnel.
      const running = { ...parts.listenerSettings(), ...(bound !== null && { port: bound }) }
      // A busy or refused port changes nothing: the listener stays where it was, and so do the settings.
      const problem = await telemetry.switchListener({ ...running, ...change }, running)
      if (problem) throw new AppError(problem)
      if (change.port !== undefined) parts.dropPortOverride()
      return settings.update((s) => ({ ...s, listener: { ...s.listener, ...change } }))
    },
    'settings:set-map': (change) => settings.update((s) => ({ ...s, map: { ...s.map, ...change } })),
    'settings:set-telemetry': async (change) => {
      const merged = telemetrySettingsSchema.safeParse({ ...settings.get().telemetry, ...change })
      if (!merged.success) throw new AppError(infoOfIssues(merged.error.issues))
      const next = await settings.update((s) => ({ ...s, telemetry: merged.data }))
      telemetry.applyTelemetrySettings(next.telemetry)
      return next
    },
    'settings:set-feed': (input) => feed.set(input),
    'settings:set-device-sync': async (change) => {
      const next = await settings.update((s) => ({ ...s, deviceSync: { ...s.deviceSync, ...change } }))
      syncSchedule.reschedule()
      return next
    },
    'settings:set-history': async (change) => {
      const next = await settings.update((s) => ({ ...s, history: { ...s.history, ...change } }))
      memory.applySettings(next)
      return next
    },
    'settings:set-alarms': (change) => settings.update((s) => ({ ...s, alarms: { ...s.alarms, ...change } })),
  }
}
