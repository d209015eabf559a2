import type { Device, DeviceSkipSummary, DeviceSyncState } from '../../shared/domain/device'
import { describe } from '../../shared/errors/describe'
import type { Logger } from '../logging/logger'
import type { Clock } from '../ports/clock'
import type { TagoraClientLike } from '../session/tagora-session'
import { describeSkip, fetchAllDevices, isAbortError } from './fetch-all-devices'
import { problemOf } from '../errors/problem-of'

/** The part of TagoraSession device sync needs: running a protected call. */
export interface AuthorizedRunner {
  authorized<T>(run: (accessToken: string, client: TagoraClientLike) => Promise<T>): Promise<T>
}

export interface DeviceSyncDeps {
  session: AuthorizedRunner
  logger: Logger
  clock: Clock
  pageSize?: number
}

/** How the last successful sync changed the list. */
export interface DeviceSyncChange {
  added: number
  removed: number
}

export type DeviceSyncListener = (devices: Device[], state: DeviceSyncState) => void

/**
 * The organisation's device list. One sync at a time; a failed or cancelled sync leaves the previous
 * list in place, and the error (with Tagora's request id) is in the state.
 */
export class DeviceSync {
  private list: Device[] = []
  private syncState: DeviceSyncState = { phase: 'idle', fetched: 0, lastSyncedAt: null, problem: null }
  private change: DeviceSyncChange = { added: 0, removed: 0 }
  private running: Promise<DeviceSyncState> | null = null
  private controller: AbortController | null = null
  private readonly listeners = new Set<DeviceSyncListener>()

  constructor(private readonly deps: DeviceSyncDeps) {}

  /** Fetches every page now; a call while a sync runs joins it (whatever its status filter). */
  refresh(status?: string): Promise<DeviceSyncState> {
    if (!this.running) {
      const run = this.sync(status).finally(() => {
        if (this.running === run) this.running = null
      })
      this.running = run
    }
    return this.running
  }

  /** Aborts the running sync (sign-out); the list stays. */
  cancel(): void {
    this.controller?.abort(new DOMException('Device sync was cancelled', 'AbortError'))
  }

  /** Cancels and forgets the list (another account may sign in next). */
  clear(): void {
    this.cancel()
    this.list = []
    this.change = { added: 0, removed: 0 }
    this.setState({ phase: 'idle', fetched: 0, lastSyncedAt: null, problem: null })
  }

  devices(): Device[] {
    return this.list
  }

  state(): DeviceSyncState {
    return this.syncState
  }

  lastChange(): DeviceSyncChange {
    return this.change
  }

  onChange(listener: DeviceSyncListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private async sync(status: string | undefined): Promise<DeviceSyncState> {
    const controller = new AbortController()
    this.controller = controller
    const signal = controller.signal
    this.setState({
      ...this.syncState,
      phase: 'syncing',
      fetched: 0,
      problem: null,
      statusFilter: status ?? '',
    })
    try {
      const { devices, skipped } = await fetchAllDevices(
        (limit, offset) =>
          this.deps.session.authorized(async (token, client) => {
            const response = await client.listDevices(token, {
              limit,
              offset,
              signal,
              ...(status && { status }),
            })
            return { devices: response.data, skipped: response.skipped, rows: response.rows }
          }),
        {
          signal,
          ...(this.deps.pageSize !== undefined && { pageSize: this.deps.pageSize }),
          onProgress: (fetched) => this.setState({ ...this.syncState, fetched }),
        },
      )
      if (signal.aborted) return this.finishCancelled()
      this.apply(devices, skipped)
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return this.finishCancelled()
      const problem = problemOf(error)
      this.deps.logger.warn('device sync failed; keeping the previous list', {
        problem: describe(problem, 'en'),
      })
      this.setState({ ...this.syncState, phase: 'error', problem })
    } finally {
      if (this.controller === controller) this.controller = null
    }
    return this.syncState
  }

  private apply(devices: Device[], skipped: DeviceSkipSummary | undefined): void {
    const before = new Set(this.list.map((device) => device.deviceId))
    const after = new Set(devices.map((device) => device.deviceId))
    const added = devices.filter((device) => !before.has(device.deviceId)).length
    const removed = this.list.filter((device) => !after.has(device.deviceId)).length
    this.list = devices
    this.change = { added, removed }
    this.deps.logger.info('device sync done', { count: devices.length, added, removed })
    // Skipped rows are the vendor's to fix: said once per sync with the first one's place, never fatal.
    if (skipped) {
      this.deps.logger.warn('device sync skipped unreadable devices', {
        skipped: skipped.count,
        first: describeSkip(skipped.first),
      })
    }
    this.setState({
      phase: 'idle',
      fetched: devices.length,
      lastSyncedAt: this.deps.clock.now(),
      problem: null,
      lastChange: { added, removed },
      statusFilter: this.syncState.statusFilter ?? '',
      ...(skipped && { skipped }),
    })
  }

  private finishCancelled(): DeviceSyncState {
    this.setState({ ...this.syncState, phase: 'idle', problem: null })
    return this.syncState
  }

  private setState(next: DeviceSyncState): void {
    this.syncState = next
    for (const listener of this.listeners) {
      try {
        listener(this.list, next)
      } catch (error) {
        this.deps.logger.error('device sync listener failed', { error })
      }
    }
  }
}
