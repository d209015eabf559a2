import type { Page } from '@playwright/test'
import type {
  BenchPage,
  FrameTimes,
  FramesOptions,
  SceneKind,
  SceneOptions,
  UpdateTiming,
} from './bench-page-api'

/** Typed calls into `window.bench` of the bench page. */
export interface PageDriver {
  setup(kind: SceneKind, count: number, zoom: number, spread: number, options?: SceneOptions): Promise<void>
  update(): Promise<UpdateTiming>
  frames(options: FramesOptions): Promise<FrameTimes>
  columnBytes(): Promise<number>
  connect(wsUrl: string, zoom: number): Promise<void>
}

type Api = { bench: BenchPage }

export function pageDriver(page: Page): PageDriver {
  return {
    setup: (kind, count, zoom, spread, options = {}) =>
      page.evaluate(([k, n, z, s, o]) => (globalThis as unknown as Api).bench.setup(k, n, z, s, o), [
        kind,
        count,
        zoom,
        spread,
        options,
      ] as const),
    update: () => page.evaluate(() => (globalThis as unknown as Api).bench.update()),
    frames: (options) => page.evaluate((o) => (globalThis as unknown as Api).bench.frames(o), options),
    columnBytes: () => page.evaluate(() => (globalThis as unknown as Api).bench.columnBytes()),
    connect: (wsUrl, zoom) =>
      page.evaluate(([u, z]) => (globalThis as unknown as Api).bench.connect(u, z), [wsUrl, zoom] as const),
  }
}
