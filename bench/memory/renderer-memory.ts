import type { BrowserContext, Page } from '@playwright/test'
import { pageDriver } from '../map/page-driver'
import { FLEET_SPREAD, MAP_ZOOM } from '../map/run-map'

export interface RendererMemory {
  assets: number
  /** JSHeapUsedSize after GC with the fleet loaded and drawn, minus the same page with an empty layer. */
  jsHeapBytesPerAsset: number
  /** The typed-array columns live outside the JS heap (ArrayBuffer backing stores): counted separately. */
  columnBytesPerAsset: number
  totalBytesPerAsset: number
}

async function heapUsedAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page)
  try {
    await cdp.send('Performance.enable')
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')
    if (!used) throw new Error('CDP Performance.getMetrics has no JSHeapUsedSize')
    return used.value
  } finally {
    await cdp.detach()
  }
}

/** Renderer bytes per asset with the app's store and canvas layer holding `assets` assets. */
export async function measureRendererMemory(
  context: BrowserContext,
  page: Page,
  assets: number,
): Promise<RendererMemory> {
  const bench = pageDriver(page)
  await bench.setup('canvas', 0, MAP_ZOOM, FLEET_SPREAD)
  const before = await heapUsedAfterGc(context, page)
  await bench.setup('canvas', assets, MAP_ZOOM, FLEET_SPREAD)
  await bench.update()
  const after = await heapUsedAfterGc(context, page)
  const columns = await bench.columnBytes()
  const heap = (after - before) / assets
  return {
    assets,
    jsHeapBytesPerAsset: Math.round(heap),
    columnBytesPerAsset: Math.round(columns / assets),
    totalBytesPerAsset: Math.round(heap + columns / assets),
  }
}
