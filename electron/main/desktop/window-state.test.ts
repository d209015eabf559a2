import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadWindowState, placeOnDisplays, saveWindowState } from './window-state'

const screen = { x: 0, y: 0, width: 1920, height: 1040 }

describe('window state', () => {
  it('saves and loads bounds, and ignores a missing or corrupt file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-window-'))
    expect(await loadWindowState(dir, 'main')).toBeNull()
    await saveWindowState(dir, 'main', { x: 10, y: 20, width: 1200, height: 800, maximized: true })
    expect(await loadWindowState(dir, 'main')).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 800,
      maximized: true,
    })
    writeFileSync(join(dir, 'window-main.json'), '{"x": 1, "y"')
    expect(await loadWindowState(dir, 'main')).toBeNull()
    writeFileSync(join(dir, 'window-main.json'), '{"x": 1, "y": 2, "width": 5, "height": 5}')
    expect(await loadWindowState(dir, 'main')).toBeNull()
  })

  it('keeps bounds that are on a display, including a second monitor', () => {
    const right = { x: 1920, y: 0, width: 1920, height: 1040 }
    expect(placeOnDisplays({ x: 2000, y: 50, width: 1000, height: 700 }, [screen, right])).toEqual({
      x: 2000,
      y: 50,
      width: 1000,
      height: 700,
    })
  })

  it('recentres a window left on an unplugged monitor, shrinking it to fit', () => {
    expect(placeOnDisplays({ x: 2000, y: 50, width: 1000, height: 700 }, [screen])).toEqual({
      x: 460,
      y: 170,
      width: 1000,
      height: 700,
    })
    expect(placeOnDisplays({ x: 5000, y: 0, width: 2500, height: 1400 }, [screen])).toEqual(screen)
  })
})
