import type { MapSettings } from '../../../../shared/schemas/settings'

export type BasemapMode = 'online' | 'offline'

/** Mexico City at zoom 5: the tile the 'auto' probe asks for. */
const PROBE = { z: 5, x: 7, y: 14 }

/** What to show before any tile was tried: offline unless the user insists on online tiles. */
export function initialBasemap(settings: MapSettings): BasemapMode {
  return settings.basemap === 'online' && settings.tileUrl.trim() !== '' ? 'online' : 'offline'
}

/** Whether 'auto' should try online tiles at all. */
export function shouldProbe(settings: MapSettings): boolean {
  return settings.basemap === 'auto' && settings.tileUrl.trim() !== ''
}

/** One concrete tile URL from a Leaflet template ({s}, {z}, {x}, {y}, {r}). */
export function probeTileUrl(template: string): string {
  return template
    .replace('{s}', 'a')
    .replace('{z}', String(PROBE.z))
    .replace('{x}', String(PROBE.x))
    .replace('{y}', String(PROBE.y))
    .replace('{r}', '')
}

/** Loads one tile as an image: resolves true if it arrives within the timeout. */
export function probeTile(template: string, timeoutMs = 4000): Promise<boolean> {
  return new Promise((resolve) => {
    const img = new Image()
    const timer = setTimeout(() => finish(false), timeoutMs)
    function finish(ok: boolean): void {
      clearTimeout(timer)
      img.onload = null
      img.onerror = null
      resolve(ok)
    }
    img.onload = () => finish(true)
    img.onerror = () => finish(false)
    img.src = probeTileUrl(template)
  })
}
