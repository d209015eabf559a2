import type { Page } from '@playwright/test'
import type { BenchPage, SceneKind, UpdateTiming } from './bench-page-api'

/** Typed calls into `window.bench` of the bench page. */
export interface PageDriver {
  setup(kind: SceneKind, count: number, zoom: number, spread: number): Promise<void>
  update(): Promise<UpdateTiming>
  pan(durationMs: number, minFrames: number, maxMs: number, updateEveryMs: number): Promise<number[]>
  columnBytes(): Promise<number>
  connect(wsUrl: string, zoom: number): Promise<void>
}

type Api = { bench: BenchPage }

export function pageDriver(page: Page): PageDriver {
  return {
    setup: (kind, count, zoom, spread) =>
      page.evaluate(([k, n, z, s]) => (globalThis as unknown as Api).bench.setup(k, n, z, s), [
        kind,
        count,
        zoom,
        spread,
      ] as const),
    update: () => page.evaluate(() => (globalThis as unknown as Api).bench.update()),
    pan: (durationMs, minFrames, maxMs, updateEveryMs) =>
      page.evaluate(([d, f, m, u]) => (globalThis as unknown as Api).bench.pan(d, f, m, u), [
        durationMs,
        minFrames,
        maxMs,
        updateEveryMs,
      ] as const),
    columnBytes: () => page.evaluate(() => (globalThis as unknown as Api).bench.columnBytes()),
    connect: (wsUrl, zoom) =>
      page.evaluate(([u, z]) => (globalThis as unknown as Api).bench.connect(u, z), [wsUrl, zoom] as const),
  }
}
