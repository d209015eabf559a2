/** Coordinates as a dispatcher pastes them into a chat or another tool: "19.43260, -99.13320". */
export function formatCoordinates(lat: number, lng: number): string {
  return `${lat.toFixed(5)}, ${lng.toFixed(5)}`
}

/**
 * A link that opens the position in the system's map application or browser. geo: URIs would be
 * the native choice, but most desktops have no handler for them; an OpenStreetMap link always works.
 */
export function openStreetMapUrl(lat: number, lng: number, zoom = 17): string {
  const la = lat.toFixed(6)
  const ln = lng.toFixed(6)
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${ln}#map=${zoom}/${la}/${ln}`
}
