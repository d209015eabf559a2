import L from 'leaflet'

/** Mexico City: the app's start view. */
export const CENTER: [number, number] = [19.4326, -99.1332]

/** A small deterministic PRNG, so every run and both layers see the same fleet. */
export function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A fleet spread evenly over `spread` × the view's width and height, centred on the view. */
export function fleetPositions(
  map: L.Map,
  count: number,
  spread: number,
): { lat: Float64Array; lng: Float64Array } {
  const b = map.getBounds().pad((spread - 1) / 2)
  const random = prng(42)
  const lat = new Float64Array(count)
  const lng = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    lat[i] = b.getSouth() + random() * (b.getNorth() - b.getSouth())
    lng[i] = b.getWest() + random() * (b.getEast() - b.getWest())
  }
  return { lat, lng }
}

/** A fresh map with no basemap: only the asset layer's cost is measured. */
export function createMap(zoom: number): L.Map {
  const old = document.getElementById('map')
  const element = document.createElement('div')
  element.id = 'map'
  element.className = 'map'
  if (old) old.replaceWith(element)
  else document.body.appendChild(element)
  return L.map(element, { center: CENTER, zoom, preferCanvas: true, fadeAnimation: false })
}

export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve))
}
