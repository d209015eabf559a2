// Web Mercator exactly as Leaflet's EPSG:3857 projects it, inlined so 50k assets can be placed per
// frame without allocating a LatLng and a Point for each.

const MAX_LATITUDE = 85.0511287798
const TILE_SIZE = 256

/** Pixels spanned by the whole world at a (possibly fractional) zoom. */
export function worldSize(zoom: number): number {
  return TILE_SIZE * 2 ** zoom
}

/** Longitude to the 0..1 fraction of the world's width. */
export function mercatorX(lng: number): number {
  return (lng + 180) / 360
}

/** Latitude to the 0..1 fraction of the world's height, north at 0. */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat))
  const sin = Math.sin((clamped * Math.PI) / 180)
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)
}

/** Where the container's top-left corner sits in world pixels, and the scale: enough to place any point. */
export interface Viewport {
  originX: number
  originY: number
  scale: number
  width: number
  height: number
}

export function toScreenX(view: Viewport, lng: number): number {
  return mercatorX(lng) * view.scale - view.originX
}

export function toScreenY(view: Viewport, lat: number): number {
  return mercatorY(lat) * view.scale - view.originY
}

/** The inverse of mercatorX: a world fraction back to a longitude. */
export function lngFromMercatorX(x: number): number {
  return x * 360 - 180
}

/** The inverse of mercatorY: a world fraction (north at 0) back to a latitude. */
export function latFromMercatorY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI
}
