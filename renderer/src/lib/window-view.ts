/** Whether this window is the pop-out map (second monitor): \`?view=map\`. */
export function isMapOnlyWindow(): boolean {
  return new URLSearchParams(globalThis.location?.search ?? '').get('view') === 'map'
}
