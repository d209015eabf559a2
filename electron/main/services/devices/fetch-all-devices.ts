import type { Device } from '../../../../shared/domain/device'
import { describeIssues, deviceListSchema } from '../tagora/schemas'

/** The API's documented ceiling for `limit`. */
export const MAX_PAGE_SIZE = 10_000

export interface FetchAllOptions {
  pageSize?: number
  signal?: AbortSignal
  /** Called after each page with the number of distinct devices so far. */
  onProgress?(fetched: number): void
}

/** A page that is not a list of devices: the caller keeps its previous list. */
export class MalformedDevicePageError extends Error {
  constructor(offset: number, detail: string) {
    super(`Tagora returned an unreadable page of devices at offset ${offset} (${detail}).`)
    this.name = 'MalformedDevicePageError'
  }
}

/**
 * Reads every page of GET /devices until an empty page. Devices that move between pages while paging
 * (the list shifted under us) are de-duplicated by deviceId, the later copy winning.
 */
export async function fetchAllDevices(
  fetchPage: (limit: number, offset: number) => Promise<Device[]>,
  options: FetchAllOptions = {},
): Promise<Device[]> {
  const pageSize = normalisePageSize(options.pageSize)
  const byId = new Map<string, Device>()
  let offset = 0
  for (;;) {
    options.signal?.throwIfAborted()
    const raw: unknown = await fetchPage(pageSize, offset)
    options.signal?.throwIfAborted()
    const page = readPage(raw, offset)
    const sizeBefore = byId.size
    for (const device of page) byId.set(device.deviceId, device)
    options.onProgress?.(byId.size)
    // Only an empty page ends the list: a server may cap pages below the `limit` asked for, so a short
    // page is not proof of the end. The extra request is cheap next to a silently truncated fleet.
    if (page.length === 0) break
    // A page with nothing new means the server ignores offset: stop instead of looping forever.
    if (byId.size === sizeBefore) {
      throw new MalformedDevicePageError(offset, 'the same devices again; the server may be ignoring offset')
    }
    offset += page.length
  }
  return [...byId.values()]
}

function readPage(raw: unknown, offset: number): Device[] {
  const parsed = deviceListSchema.safeParse(raw)
  if (!parsed.success) throw new MalformedDevicePageError(offset, describeIssues(parsed.error))
  return parsed.data
}

function normalisePageSize(size: number | undefined): number {
  if (size === undefined) return MAX_PAGE_SIZE
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`pageSize must be a positive integer, got ${size}`)
  return Math.min(size, MAX_PAGE_SIZE)
}

/** True for the error an aborted signal throws (DOMException or any Error named AbortError). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}
