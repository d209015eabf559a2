import type { AppSnapshot, EventName, EventPayload } from '../../../shared/ipc/contract'
import { EVENT_CHANNELS } from '../../../shared/ipc/channels'
import { createDeviceListAssembler } from '../../../shared/domain/device-list-parts'
import type { AlarmsChange } from '../../../shared/domain/alarms'
import * as api from '../lib/api'
import type { AppStoreApi } from '../store'
import { runAppCommand } from './app-commands'

type Handlers = { [K in EventName]: (payload: EventPayload<K>) => void }

const SNAPSHOT_RETRY_MS = 2000

/** The only module that listens to the desktop: every pushed event lands in the store here. */
export function startBridge(
  store: AppStoreApi,
  /** Alarms main raised or changed (the announcer notifies and plays the sound for new ones). */
  onAlarms: (change: AlarmsChange) => void = () => undefined,
): () => void {
  const s = () => store.getState()
  const assembleDevices = createDeviceListAssembler()
  const handlers: Handlers = {
    'session:state': (session) => s().setSession(session),
    'devices:list': (devices) => s().setDevices(devices),
    'devices:list-part': (part) => {
      const devices = assembleDevices(part)
      if (devices) s().setDevices(devices)
    },
    'devices:sync-state': (sync) => s().setDeviceSync(sync),
    'listener:state': (listener) => s().setListener(listener),
    'feed:state': (feed) => s().setFeed(feed),
    'settings:changed': (settings) => s().setSettings(settings),
    'webhooks:state': (webhooks) => s().setWebhooks(webhooks),
    'connections:status': (status) => s().setConnectionStatus(status),
    'app:command': (command) => runAppCommand(command),
    'app:notice': (notice) => s().setNotice(notice),
    'telemetry:batch': (batch) => s().applyTelemetryBatch(batch),
    'alarms:changed': (change) => {
      s().applyAlarmsChange(change)
      onAlarms(change)
    },
  }

  // Events that arrive before the snapshot are newer than it: hold them and replay them after it.
  let pending: (() => void)[] | null = []
  let stopped = false
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  function subscribe<K extends EventName>(name: K): () => void {
    return api.onEvent(name, (payload) => {
      const deliver = () => handlers[name](payload)
      if (pending) pending.push(deliver)
      else deliver()
    })
  }
  const unsubscribers = EVENT_CHANNELS.map((name) => subscribe(name))

  function applySnapshot(snapshot: AppSnapshot): void {
    const st = s()
    // The snapshot is the whole truth: slots from an earlier transport may have been reassigned.
    st.resetTelemetry()
    st.setHost(snapshot.host, snapshot.apiUrlOverride)
    st.setSettings(snapshot.settings)
    st.setListener(snapshot.listener)
    st.setFeed(snapshot.feed)
    st.setDevices(snapshot.devices)
    st.setDeviceSync(snapshot.deviceSync)
    st.setWebhooks(snapshot.webhooks)
    st.setNotice(snapshot.notice)
    st.setAlarmCounts(snapshot.alarms)
    st.applyTelemetryBatch(snapshot.telemetry)
    st.setSession(snapshot.session)
    const queued = pending ?? []
    pending = null
    for (const deliver of queued) deliver()
  }

  async function loadSnapshot(): Promise<void> {
    const snapshot = await api.getSnapshot()
    if (!stopped) applySnapshot(snapshot)
  }

  function attempt(): void {
    loadSnapshot().catch((cause: unknown) => {
      // Main may still be starting its services: keep asking, the UI shows "Connecting…".
      console.warn('app:get-snapshot failed, retrying', cause)
      if (!stopped) retryTimer = setTimeout(attempt, SNAPSHOT_RETRY_MS)
    })
  }
  attempt()

  // After the browser host's socket comes back, events may have been missed: start over from a snapshot.
  const offReconnected = api.onTransportReconnected(() => {
    pending ??= []
    clearTimeout(retryTimer)
    attempt()
  })

  return () => {
    stopped = true
    clearTimeout(retryTimer)
    offReconnected()
    for (const off of unsubscribers) off()
  }
}
