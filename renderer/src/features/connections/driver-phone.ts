const KEY_PREFIX = 'fleet.driverPhone.'

/** The driver's phone for an asset, entered once and remembered in this browser profile. */
export function readDriverPhone(assetId: string): string {
  try {
    return localStorage.getItem(KEY_PREFIX + assetId) ?? ''
  } catch {
    return ''
  }
}

export function writeDriverPhone(assetId: string, phone: string): void {
  try {
    localStorage.setItem(KEY_PREFIX + assetId, phone)
  } catch {
    // Storage full or disabled: the number simply is not remembered.
  }
}
