import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

export interface StoreMemory {
  assets: number
  trailPoints: number
  /** V8 heap growth after GC (slots map, ids, extras, Trail objects), per asset. */
  heapBytesPerAsset: number
  /** Typed arrays (columns, trail buffers) live outside the heap: their growth per asset. */
  arrayBufferBytesPerAsset: number
  totalBytesPerAsset: number
}

/** Main-process bytes per asset, measured in a fresh process with --expose-gc so nothing else is on the heap. */
export async function measureStoreMemory(assets: number, trailPoints: number): Promise<StoreMemory> {
  const child = new URL('./store-memory-child.ts', import.meta.url).pathname
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', child, String(assets), String(trailPoints)],
    { maxBuffer: 1024 * 1024 },
  )
  return JSON.parse(stdout) as StoreMemory
}
