import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../../../core/settings/atomic-write'

/** Where and how big the window was: restored at the next launch. */
export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof windowStateSchema>

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** Of the window, at least this much must show on some display, or it is recentred. */
const MIN_VISIBLE = 100

/** The saved state, or null when there is none or it is unreadable (the window then opens at default). */
export async function loadWindowState(dataDir: string, name: string): Promise<WindowState | null> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await readFile(fileFor(dataDir, name), 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function saveWindowState(dataDir: string, name: string, state: WindowState): Promise<void> {
  return writeFileAtomic(fileFor(dataDir, name), JSON.stringify(state, null, 2))
}

function fileFor(dataDir: string, name: string): string {
  return join(dataDir, `window-${name}.json`)
}

/**
 * The saved bounds if enough of them is on a display that still exists (monitors get unplugged
 * between shifts), else the same size centred on the primary work area, shrunk to fit.
 */
export function placeOnDisplays(saved: Rect, workAreas: readonly Rect[]): Rect {
  const visible = workAreas.some((area) => overlap(saved, area) >= MIN_VISIBLE * MIN_VISIBLE)
  if (visible) return saved
  const primary = workAreas[0] ?? { x: 0, y: 0, width: saved.width, height: saved.height }
  const width = Math.min(saved.width, primary.width)
  const height = Math.min(saved.height, primary.height)
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}
