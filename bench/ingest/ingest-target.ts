import type { KeyObject } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ShiftHistory } from '../../core/history/shift-history'
import type { TelemetryEvent } from '../../core/telemetry/telemetry-event'
import { sourceHistoryWorker } from '../../test/support/history-worker-kit'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import { createWebhookListener } from '../../core/listener/webhook-listener'
import type { Verifier, WebhookListener } from '../../core/listener/webhook-listener'
import { TelemetryStore } from '../../core/telemetry/telemetry-store'
import { monoMs } from '../lib/stats'
import { eventIndex } from './bench-events'
import type { KeySpace } from './bench-events'

export const WEBHOOK_PATH = '/tagora/events'

/** The real listener feeding the real store on loopback, with every apply timed and counted per event. */
export interface IngestTarget {
  port: number
  store: TelemetryStore
  /** monoMs() of the store apply that held event k (NaN until then). */
  applyAt: Float64Array
  /** How many times event k reached the store. */
  seen: Uint8Array
  /** Sums of the store's own ApplyResult counts. */
  totals: { applied: number; duplicates: number; outOfOrder: number; foreign: number }
  /** With history on: fixes committed to the file once every write has landed (call before stop). */
  historyStored(): Promise<number | null>
  stop(): Promise<void>
}

export interface IngestTargetOptions {
  /** The shift history records every accepted fix, as in the app. */
  history?: boolean
  /** Another signature check than the listener's default (to compare them). */
  verifier?: Verifier
}

export async function startIngestTarget(
  space: KeySpace,
  maxEvents: number,
  publicKey: KeyObject,
  onApplied: (k: number) => void = () => undefined,
  options: IngestTargetOptions = {},
): Promise<IngestTarget> {
  const store = new TelemetryStore({ clock: systemClock })
  const history = options.history ? await startHistory() : null
  const applyAt = new Float64Array(maxEvents).fill(Number.NaN)
  const seen = new Uint8Array(maxEvents)
  const totals = { applied: 0, duplicates: 0, outOfOrder: 0, foreign: 0 }
  const listener: WebhookListener = createWebhookListener({
    host: '127.0.0.1',
    port: 0,
    path: WEBHOOK_PATH,
    getPublicKeys: () => [publicKey],
    parseOptions: () => ({ now: Date.now(), resolveAssetId: () => undefined }),
    // Same hook the app uses (TelemetryPipeline), wrapped to stamp the moment each event is applied.
    onEvents: (result) => {
      // As TelemetryPipeline.applyEvents: accepted fixes also go to the history recorder.
      const accepted: TelemetryEvent[] = []
      const counts = store.apply(result.events, accepted)
      if (history && accepted.length > 0) history.shift.record(accepted)
      const at = monoMs()
      totals.applied += counts.applied
      totals.duplicates += counts.duplicates
      totals.outOfOrder += counts.outOfOrder
      for (const event of result.events) {
        const k = eventIndex(event.assetId, event.fixTime, space)
        if (k < 0 || k >= maxEvents) {
          totals.foreign++
          continue
        }
        if (seen[k] === 0) applyAt[k] = at
        seen[k] = Math.min(255, (seen[k] ?? 0) + 1)
        onApplied(k)
      }
    },
    logger: silentLogger,
    ...(options.verifier && { verifier: options.verifier }),
    // Bench bodies are up to ~50 events of ~250 bytes; the default 1 MiB limit is not in the way.
  })
  const state = await listener.start()
  if (state.state !== 'listening' || !state.url)
    throw new Error(`listener did not start: ${JSON.stringify(state.problem)}`)
  return {
    port: Number(new URL(state.url).port),
    store,
    applyAt,
    seen,
    totals,
    async historyStored() {
      if (!history) return null
      await history.shift.stop()
      const { fixes } = await history.reader.health()
      return fixes
    },
    async stop() {
      await listener.stop()
      if (history) {
        await history.shift.stop()
        await history.reader.stop()
        rmSync(history.dir, { recursive: true, force: true })
      }
    },
  }
}

/** The app's history in a scratch folder, and a second client that reads what landed once it closes. */
async function startHistory() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-history-'))
  const open = async () => {
    const shift = new ShiftHistory({
      worker: sourceHistoryWorker(),
      clock: systemClock,
      logger: silentLogger,
      onNotice: () => undefined,
    })
    await shift.start(dir, { maxAgeMs: 30 * 86_400_000, maxBytes: 2 * 1024 ** 3 })
    return shift
  }
  const shift = await open()
  shift.useScope('bench')
  return {
    dir,
    shift,
    // Opened lazily: read after the writer closed, so its count is what reached the disk.
    reader: {
      reading: null as ShiftHistory | null,
      async health() {
        this.reading ??= await open()
        return this.reading.health()
      },
      async stop() {
        await this.reading?.stop()
      },
    },
  }
}
