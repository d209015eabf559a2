import type { Device } from './device'

/**
 * One slice of a large device list. 100,000 devices are ~27 MB of JSON: sent as one message they hold
 * the renderer's main thread for seconds while it is received and parsed. In slices, each arrives in its
 * own task and the UI keeps drawing; the list is applied once, when the last slice is in.
 */
export interface DeviceListPart {
  /** Same for every slice of one list; a newer list replaces an unfinished older one. */
  listId: number
  part: number
  parts: number
  devices: Device[]
}

/** Lists up to this size travel whole ('devices:list'); larger ones in slices of this size. */
export const DEVICE_LIST_PART_SIZE = 5_000

export function splitDeviceList(
  devices: readonly Device[],
  listId: number,
  size = DEVICE_LIST_PART_SIZE,
): DeviceListPart[] {
  const parts = Math.max(1, Math.ceil(devices.length / size))
  return Array.from({ length: parts }, (_unused, part) => ({
    listId,
    part,
    parts,
    devices: devices.slice(part * size, (part + 1) * size),
  }))
}

/** Collects slices; returns the whole list when the last slice of the newest list arrives, else null. */
export function createDeviceListAssembler(): (part: DeviceListPart) => Device[] | null {
  let listId = -1
  let slices: Device[][] = []
  let received = 0
  return (part) => {
    if (part.listId !== listId) {
      if (part.listId < listId) return null
      listId = part.listId
      slices = new Array<Device[]>(part.parts)
      received = 0
    }
    if (part.part < 0 || part.part >= slices.length || slices[part.part]) return null
    slices[part.part] = part.devices
    received += 1
    if (received < slices.length) return null
    const whole = slices.flat()
    slices = []
    return whole
  }
}
