import type { Device } from '../../../../shared/domain/device'

/** One lower-cased haystack per device, built once per device list (not per keystroke). */
export function buildSearchIndex(devices: readonly Device[]): string[] {
  return devices.map((d) => `${d.deviceName}\u0000${d.serial}\u0000${d.assetId}`.toLowerCase())
}

/** Indices of the devices matching every word of `text`, in list order; all of them when it is blank. */
export function filterDevices(index: readonly string[], text: string): number[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean)
  const out: number[] = []
  for (let i = 0; i < index.length; i++) {
    const hay = index[i] ?? ''
    if (words.every((w) => hay.includes(w))) out.push(i)
  }
  return out
}
